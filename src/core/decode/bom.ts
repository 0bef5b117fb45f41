// Byte order marks at the start of an input (Unicode §23.8, U+FEFF): UTF-16 text comes with one when a
// Windows shell redirects console output; UTF-8 text sometimes carries one too, which TextDecoder skips.

/** The UTF-16 encoding a byte order mark at the start of `bytes` names, or undefined. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The length of a UTF-8 byte order mark at the start of `bytes`: 3, or 0 without one. */
export function utf8BomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}
