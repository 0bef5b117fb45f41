// Line iteration over bytes, so line-oriented inputs (JSON lines) never need the whole input as one string:
// a Collector file dump can be larger than V8's ~512 MiB string limit.
import { utf8BomLength } from './bom.ts';
import { indexOfLf } from './find-lf.ts';

/** Calls `each` with every line's text (CR stripped) and its 1-based number. Stops early when it returns false. */
export function forEachLine(bytes: Uint8Array, each: (line: string, lineNo: number) => boolean | void): void {
  const decoder = new TextDecoder('utf-8');
  forEachLineRange(bytes, (start, stop, lineNo) => each(decoder.decode(bytes.subarray(start, stop)), lineNo));
}

/** As forEachLine, giving each line as the byte range `[start, stop)` (CR stripped) for readers of bytes. */
export function forEachLineRange(bytes: Uint8Array, each: (start: number, stop: number, lineNo: number) => boolean | void): void {
  let start = utf8BomLength(bytes);
  let lineNo = 0;
  while (start < bytes.length) {
    let end = indexOfLf(bytes, start);
    if (end < 0) end = bytes.length;
    lineNo++;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    if (each(start, stop, lineNo) === false) return;
    start = end + 1;
  }
}
