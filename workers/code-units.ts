// Text as the UTF-16 code units of a transferable typed array: one byte each when every unit is below 256,
// else two. Code units, not UTF-8, so any text (a lone surrogate too) comes back exactly
// (src/app/code-units.ts reads them back). A structured clone copies a string on both sides (5.1M characters
// took it 23-54 ms in a Chromium page); a transferred array moves without a copy.

export function codeUnits(text: string): Uint8Array | Uint16Array {
  // UTF-8 is as long as the text only when every code unit is below 0x80: then each byte is its unit.
  const utf8 = new TextEncoder().encode(text);
  if (utf8.length === text.length) return utf8;
  let wide = false;
  for (let i = 0; i < text.length && !wide; i++) wide = text.charCodeAt(i) > 0xff;
  const units = wide ? new Uint16Array(text.length) : new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
