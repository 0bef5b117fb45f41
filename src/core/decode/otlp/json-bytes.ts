// Reading JSON straight from UTF-8 bytes for the OTLP/JSON fast path (json-scan.ts): strings, numbers and
// skipped values, validated as strictly as JSON.parse (RFC 8259) so a well-formed input gives exactly what
// JSON.parse would. Anything this reader does not expect throws NOT_FAST, and the caller falls back to
// JSON.parse + walk. Strings are built flat (never slices of one big string, which would keep the input alive).
import { shapeOf } from '../../warm/keep-shapes.ts';

// The bytes of JSON's structure.
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

/** Thrown (one shared value, no stack) when the fast path cannot take this input. */
export const NOT_FAST = Object.freeze({ notFast: true });

export function notFast(): never {
  throw NOT_FAST;
}

// ignoreBOM: a string may start with U+FEFF, and TextDecoder would otherwise drop it (it reads it as a BOM);
// JSON.parse keeps it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const F = String.fromCharCode;

/**
 * The byte at `i`, or -1 past the end. Every read of the fast path that may run past its buffer (a chunk of a
 * streamed file ends anywhere) goes through this or checks the length itself: once a typed array read site
 * in V8 has read past the end, its optimized code handles `undefined`, and the scanner's byte loops ran
 * 1.3-2 times as long (a 100k-span document decoded in 8 MiB chunks in Chromium: `find` 451 against 211 ms
 * of profile, the same bytes whole; in node, a whole decode after one chunked load, 1.3 times as long).
 */
export function byteAt(buf: Uint8Array, i: number): number {
  return i < buf.length ? buf[i]! : -1;
}

/** JSON whitespace: space, tab, LF, CR (RFC 8259 §2) — nothing else, unlike /\s/. */
export function skipWs(buf: Uint8Array, pos: number): number {
  for (const n = buf.length; pos < n; pos++) {
    const c = buf[pos]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return pos;
  }
  return pos;
}

/** Scans the string literal whose opening quote is at `pos`; returns the index after its closing quote. */
export function stringEnd(buf: Uint8Array, pos: number): number {
  for (let i = pos + 1, n = buf.length; i < n; i++) {
    const c = buf[i]!;
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
    else if (c < 0x20) notFast();
  }
  return notFast();
}

/** The text of the string literal `buf[start, end)` (quotes included), exactly as JSON.parse gives it. */
export function stringText(buf: Uint8Array, start: number, end: number): string {
  let plain = true;
  for (let i = start + 1; i < end - 1; i++) {
    const c = buf[i]!;
    if (c >= 0x80 || c === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain) return ascii(buf, start + 1, end - 1);
  for (let i = start + 1; i < end - 1; i++) {
    if (buf[i] === 0x5c) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(utf8.decode(buf.subarray(start, end)));
      } catch {
        notFast(); // a bad escape: the walker's path reports it
      }
      return typeof parsed === 'string' ? parsed : notFast();
    }
  }
  return utf8.decode(buf.subarray(start + 1, end - 1));
}

/** A flat string of ASCII bytes; fixed-arity calls for the common id lengths (measured ~2× faster than apply). */
export function ascii(b: Uint8Array, s: number, e: number): string {
  switch (e - s) {
    case 0:
      return '';
    case 16:
      return F(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!, b[s + 15]!);
    case 32:
      return F(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!, b[s + 15]!,
        b[s + 16]!, b[s + 17]!, b[s + 18]!, b[s + 19]!, b[s + 20]!, b[s + 21]!, b[s + 22]!, b[s + 23]!, b[s + 24]!, b[s + 25]!, b[s + 26]!, b[s + 27]!, b[s + 28]!, b[s + 29]!, b[s + 30]!, b[s + 31]!);
    default: {
      const n = e - s;
      if (n > 4096) return utf8.decode(b.subarray(s, e));
      // Copied into a reused array first: apply reads a plain array faster than a subarray (a fresh view
      // per string), and TextDecoder's call costs more in Chromium at these lengths. Short strings have an
      // array of their own length: setting an array's length is a runtime call, 2% of a load of 100k SDK
      // spans with a value of their own per span (node CPU profile).
      const codes = n < CODES_BY_LENGTH.length ? (CODES_BY_LENGTH[n] ??= new Array<number>(n).fill(0)) : CODES;
      if (codes.length !== n) codes.length = n;
      for (let i = s; i < e; i++) codes[i - s] = b[i]!;
      // eslint-disable-next-line prefer-spread
      return F.apply(null, codes);
    }
  }
}
const CODES: number[] = [];
/** A reused array of each length below 256, for `ascii`. */
const CODES_BY_LENGTH: Array<number[] | undefined> = new Array<number[] | undefined>(256).fill(undefined);

/** A decimal digit's byte (byteAt's -1 past the end is none). */
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Index after the JSON number starting at `pos` (RFC 8259 §6 grammar); throws NOT_FAST when malformed. */
export function numberEnd(buf: Uint8Array, pos: number): number {
  let i = pos;
  if (byteAt(buf, i) === 0x2d) i++;
  if (byteAt(buf, i) === 0x30) i++;
  else if (isDigit(byteAt(buf, i))) while (isDigit(byteAt(buf, i))) i++;
  else notFast();
  if (byteAt(buf, i) === 0x2e) {
    i++;
    if (!isDigit(byteAt(buf, i))) notFast();
    while (isDigit(byteAt(buf, i))) i++;
  }
  if (byteAt(buf, i) === 0x65 || byteAt(buf, i) === 0x45) {
    i++;
    if (byteAt(buf, i) === 0x2b || byteAt(buf, i) === 0x2d) i++;
    if (!isDigit(byteAt(buf, i))) notFast();
    while (isDigit(byteAt(buf, i))) i++;
  }
  return i;
}

/** The number `buf[start, end)` as JSON.parse gives it (short plain integers without building a string). */
export function numberValue(buf: Uint8Array, start: number, end: number): number {
  if (end - start <= 15) {
    let n = 0;
    let i = start;
    const neg = buf[i] === 0x2d;
    if (neg) i++;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c < 0x30 || c > 0x39) return Number(ascii(buf, start, end));
      n = n * 10 + (c - 0x30);
    }
    return neg ? -n : n;
  }
  return Number(ascii(buf, start, end));
}

export function literalEnd(buf: Uint8Array, pos: number, word: string): number {
  for (let k = 0; k < word.length; k++) if (byteAt(buf, pos + k) !== word.charCodeAt(k)) notFast();
  return pos + word.length;
}

/** Index after the JSON value at `pos` (whitespace before it already skipped), checking its syntax. */
export function skipValue(buf: Uint8Array, pos: number, depth = 0): number {
  if (depth > 200) notFast();
  const c = byteAt(buf, pos);
  if (c === 0x22) {
    const end = stringEnd(buf, pos);
    stringText(buf, pos, end); // validates escapes
    return end;
  }
  if (c === 0x7b || c === 0x5b) {
    const close = c === 0x7b ? 0x7d : 0x5d;
    let i = skipWs(buf, pos + 1);
    if (byteAt(buf, i) === close) return i + 1;
    for (;;) {
      if (c === 0x7b) {
        if (byteAt(buf, i) !== 0x22) notFast();
        i = skipWs(buf, stringEnd(buf, i));
        if (byteAt(buf, i) !== 0x3a) notFast();
        i = skipWs(buf, i + 1);
      }
      i = skipWs(buf, skipValue(buf, i, depth + 1));
      if (byteAt(buf, i) === 0x2c) i = skipWs(buf, i + 1);
      else if (byteAt(buf, i) === close) return i + 1;
      else notFast();
    }
  }
  if (c === 0x74) return literalEnd(buf, pos, 'true');
  if (c === 0x66) return literalEnd(buf, pos, 'false');
  if (c === 0x6e) return literalEnd(buf, pos, 'null');
  return numberEnd(buf, pos);
}

/** Finds where an object ends and hashes its bytes in the same pass. */
export class ObjectEnd {
  hash = 0;

  constructor() {
    shapeOf(this);
  }

  /**
   * Index after the object at `start`, found by counting brackets outside strings (no syntax check: a cache
   * hit means these very bytes were fully read before, a miss reads them fully). Sets `hash` to
   * hashBytes(buf, start, end) (byte-pool.ts) on the way, so the cache lookup needs no second pass.
   */
  find(buf: Uint8Array, start: number): number {
    let depth = 0;
    let h = 0x811c9dc5;
    const n = buf.length;
    for (let i = start; i < n; i++) {
      let c = buf[i]!;
      h = Math.imul(h ^ c, 0x01000193);
      if (c === 0x22) {
        // A string: its own tight loop, up to the closing quote (an escaped byte is hashed, never a quote).
        for (;;) {
          if (++i >= n) notFast();
          c = buf[i]!;
          h = Math.imul(h ^ c, 0x01000193);
          if (c === 0x22) break;
          if (c === 0x5c) {
            if (++i >= n) notFast();
            h = Math.imul(h ^ buf[i]!, 0x01000193);
          }
        }
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
        this.hash = h >>> 0;
        return i + 1;
      }
    }
    return notFast();
  }
}

/** Stands for an object or array where a scalar was expected (it has been skipped, syntax checked). */
export const COMPOSITE = Object.freeze({ composite: true });

/** A JSON value as JSON.parse gives it for scalars; objects and arrays are skipped and read as COMPOSITE. */
export type Scalar = string | number | boolean | null | typeof COMPOSITE;

export class ScalarReader {
  /** Index after the last value read. */
  end = 0;

  constructor() {
    shapeOf(this);
  }

  read(buf: Uint8Array, pos: number): Scalar {
    const c = byteAt(buf, pos);
    if (c === 0x22) {
      this.end = stringEnd(buf, pos);
      return stringText(buf, pos, this.end);
    }
    if (c === 0x74) return (this.end = literalEnd(buf, pos, 'true')), true;
    if (c === 0x66) return (this.end = literalEnd(buf, pos, 'false')), false;
    if (c === 0x6e) return (this.end = literalEnd(buf, pos, 'null')), null;
    if (c === 0x7b || c === 0x5b) return (this.end = skipValue(buf, pos)), COMPOSITE;
    this.end = numberEnd(buf, pos);
    return numberValue(buf, pos, this.end);
  }
}

/** The plain decimal digits `buf[start, end)` as a number (exact up to 15 digits). */
export function digitsValue(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (buf[i]! - 0x30);
  return n;
}
