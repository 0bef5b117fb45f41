// Searching the bytes of a run of attributes kept as bytes (otlp/proto-attribute-search.ts,
// otlp/json-attribute-run.ts) without decoding it: a plain ASCII needle is found in plain ASCII text by
// comparing bytes, A-Z folded, which is what lowercasing the text and the needle would compare.

/** Whether `needle` is plain ASCII and not empty (only such needles are answered from the bytes). */
export function isAsciiNeedle(needle: string): boolean {
  for (let i = 0; i < needle.length; i++) if (needle.charCodeAt(i) >= 0x80) return false;
  return needle.length > 0;
}

/**
 * Whether `bytes[start, end)`, ASCII, contains the lowercase ASCII `needle` with A-Z folded; undefined when a
 * byte is not ASCII or is `unreadable` (a byte whose text is not itself, as a JSON literal's backslash).
 */
export function asciiHolds(bytes: Uint8Array, start: number, end: number, needle: string, unreadable = -1): boolean | undefined {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80 || bytes[i] === unreadable) return undefined;
  const n = needle.length;
  for (let i = start; i + n <= end; i++) {
    let k = 0;
    while (k < n) {
      const b = bytes[i + k]!;
      if ((b >= 0x41 && b <= 0x5a ? b | 0x20 : b) !== needle.charCodeAt(k)) break;
      k++;
    }
    if (k === n) return true;
  }
  return false;
}
