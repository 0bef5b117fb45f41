// Id normalisation shared by decoders. OTLP/JSON ids are hex, not base64
// (opentelemetry-proto docs/specification.md#json-protobuf-encoding); some converters emit protojson's
// base64 default anyway, so it is decoded here and reported through Quirk.BASE64_IDS.

const HEX = /^[0-9a-fA-F]*$/;

export function isHex(s: string): boolean {
  return HEX.test(s);
}

const HEX_CODES = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));
const F = String.fromCharCode;

/**
 * Lowercase hex of `bytes[start, end)`, built as one flat string: appending two characters per byte would
 * leave a chain of small concatenated strings behind every id (about 1 KB per span id in V8, measured).
 * An 8-byte span id takes one fixed-arity call (a 16-byte trace id two): 8 ms per 300k span ids in Chromium
 * and in node, against 26-38 ms through an array and `apply`.
 */
export function bytesToHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start === 8) return hex8(bytes, start);
  if (end - start === 16) return [hex8(bytes, start), hex8(bytes, start + 8)].join('');
  // Other lengths (a `bytes` attribute value, an odd id) in pieces: `apply` with one argument per character
  // throws past ~120k of them, and a 100 KB value once lost its whole input that way.
  const pieces: string[] = [];
  const codes = new Array<number>(Math.min(end - start, HEX_PIECE_BYTES) * 2);
  for (let from = start; from < end; from += HEX_PIECE_BYTES) {
    const to = Math.min(end, from + HEX_PIECE_BYTES);
    codes.length = (to - from) * 2;
    for (let i = from, o = 0; i < to; i++, o += 2) {
      codes[o] = HEX_CODES[bytes[i]! >> 4]!;
      codes[o + 1] = HEX_CODES[bytes[i]! & 15]!;
    }
    pieces.push(String.fromCharCode.apply(null, codes));
  }
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
}

/** Bytes turned into hex per `fromCharCode.apply` call: 8,192 characters, far below V8's argument limit. */
const HEX_PIECE_BYTES = 4096;

function hex8(b: Uint8Array, s: number): string {
  const h = HEX_CODES;
  return F(
    h[b[s]! >> 4]!, h[b[s]! & 15]!, h[b[s + 1]! >> 4]!, h[b[s + 1]! & 15]!, h[b[s + 2]! >> 4]!, h[b[s + 2]! & 15]!, h[b[s + 3]! >> 4]!, h[b[s + 3]! & 15]!,
    h[b[s + 4]! >> 4]!, h[b[s + 4]! & 15]!, h[b[s + 5]! >> 4]!, h[b[s + 5]! & 15]!, h[b[s + 6]! >> 4]!, h[b[s + 6]! & 15]!, h[b[s + 7]! >> 4]!, h[b[s + 7]! & 15]!,
  );
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX['-'.charCodeAt(0)] = 62; // base64url
B64_INDEX['_'.charCodeAt(0)] = 63;

/** Decodes standard or URL-safe base64, padded or not; null when it is not base64. */
export function base64ToBytes(s: string): Uint8Array | null {
  // Padding stripped by a loop: `/=+$/` scanned each run of '=' from each of its characters (quadratic).
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--;
  const clean = s.slice(0, end);
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export interface NormalizedId {
  readonly hex: string;
  readonly wasBase64: boolean;
}

/**
 * Normalises a trace id (numBytes 16) or span id (8) given as text. Hex of the right length is lowercased;
 * base64 of exactly numBytes is converted; anything else is kept as given so the linter can report it.
 */
export function normalizeTextId(raw: string, numBytes: number): NormalizedId {
  if (raw === '') return { hex: '', wasBase64: false };
  if (raw.length === numBytes * 2 && isHex(raw)) return { hex: raw.toLowerCase(), wasBase64: false };
  if (raw.length === Math.ceil(numBytes / 3) * 4 || raw.length === Math.ceil((numBytes * 4) / 3)) {
    const bytes = base64ToBytes(raw);
    if (bytes && bytes.length === numBytes) return { hex: bytesToHex(bytes), wasBase64: true };
  }
  return { hex: isHex(raw) ? raw.toLowerCase() : raw, wasBase64: false };
}

/** A hex digit's value by byte: 0-15 for `0-9a-f`, 16 + value for `A-F` (marks upper case), -1 otherwise. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let c = 0; c < 16; c++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(c)] = c;
  if (c >= 10) HEX_VALUE['0123456789ABCDEF'.charCodeAt(c)] = 16 + c;
}

/**
 * The id at `start` when it is a JSON string of exactly `numBytes` * 2 hex digits, eight digits to a word
 * into `words`: every digit's table value ORed (bit 4 marks upper case), or -1 when it is not such a string
 * (the OTLP/JSON scanner's ids, json-scan-fields.ts).
 */
export function hexWords(buf: Uint8Array, start: number, numBytes: 8 | 16, words: Int32Array): number {
  const quote = 0x22;
  const close = start + 1 + numBytes * 2;
  // Bounds first: a read past a typed array's end slows its read site for good (json-bytes.ts byteAt).
  if (close >= buf.length || buf[start] !== quote || buf[close] !== quote) return -1;
  let seen = 0;
  for (let w = 0, i = start + 1; w < numBytes / 4; w++) {
    let word = 0;
    for (const stop = i + 8; i < stop; i++) {
      const v = HEX_VALUE[buf[i]!]!;
      seen |= v;
      word = (word << 4) | (v & 15);
    }
    words[w] = word;
  }
  return seen;
}
