// JSON lines of OTLP requests, as the Collector's file exporter writes them (one ExportTraceServiceRequest
// per line). A bad line is reported with its number and the other lines still load.
import type { Decoder } from './types.ts';
import { isTracesRequest, walkTracesRequest } from './otlp/json-walk.ts';
import { forEachLineRange } from './lines.ts';
import { TracesScanner } from './otlp/json-scan.ts';
import { utf16Bom } from './bom.ts';
import { LineSplitter } from './stream.ts';
import type { SpanSink } from '../model/records.ts';
import { describeJsonError } from './text-position.ts';

/** `}`, blanks holding a line break, `{`: `[^\S\n]*\n\s*` where `\s*\r?\n\s*` backtracked quadratically over blank lines. */
export const FIRST_LINE_IS_REQUEST = /^\s*\{[^\n]*"(resourceSpans|resource_spans)"\s*:[^\n]*\}[^\S\n]*\n\s*\{/;
const FIRST_LINE_STARTS_REQUEST = /^\s*\{\s*"(resourceSpans|resource_spans)"\s*:/;
const JSONL_NAME = /\.(jsonl|ndjson)(\.gz|\.zst|\.zstd)?$/i;

export const otlpJsonl: Decoder = {
  format: 'otlp-jsonl',
  sniff({ text, name }) {
    if (FIRST_LINE_IS_REQUEST.test(text)) return 0.9;
    // The file exporter writes a whole batch per line, so the first line often runs past the sniffed head.
    // Such a head is also the start of one minified OTLP/JSON document: only the name can tell them apart.
    return JSONL_NAME.test(name) && !text.includes('\n') && FIRST_LINE_STARTS_REQUEST.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    // Line by line over the bytes: a file exporter dump may exceed what one string can hold. The byte
    // scanner reads each well-formed line itself; only the others are decoded to text for JSON.parse + walk.
    const bytes = input.bytes;
    // UTF-16 text (a Windows shell's redirect) cannot be split on the byte 0x0a: its text is split instead.
    if (utf16Bom(bytes)) {
      input.text().split('\n').forEach((line, i) => decodeLine(line, i + 1, sink));
      return;
    }
    const scanner = new TracesScanner(sink);
    const utf8 = new TextDecoder('utf-8');
    forEachLineRange(bytes, (start, stop, lineNo) => {
      if (!scanLine(scanner, bytes, start, stop, lineNo)) decodeLine(utf8.decode(bytes.subarray(start, stop)), lineNo, sink);
    });
  },
  stream: {
    // UTF-16 text (a BOM) is read whole: its lines cannot be split on the byte 0x0a.
    accepts: (head) => utf16Bom(head) === undefined,
    open: (sink) => {
      const scanner = new TracesScanner(sink);
      return new LineSplitter(
        (raw, lineNo) => decodeLine(raw, lineNo, sink),
        (line, lineNo) => scanLine(scanner, line, 0, line.length, lineNo),
      );
    },
  },
};

/** True when the scanner read the line (and its records went to the sink). */
function scanLine(scanner: TracesScanner, bytes: Uint8Array, start: number, stop: number, lineNo: number): boolean {
  return scanner.scan(bytes, start, stop, `line ${lineNo}: `) !== null;
}

function decodeLine(raw: string, lineNo: number, sink: SpanSink): void {
  const line = raw.trim();
  if (line === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    const { reason, where } = describeJsonError(err, line);
    sink.issue({ message: `not valid JSON: ${reason}`, where: `line ${lineNo}${where.replace(/^line 1/, '')}`, severity: 'error' });
    return;
  }
  if (!isTracesRequest(parsed)) {
    sink.issue({ message: 'line is not an OTLP traces request (no "resourceSpans")', where: `line ${lineNo}`, severity: 'warning' });
    return;
  }
  walkTracesRequest(parsed, sink, `line ${lineNo}: `);
}
