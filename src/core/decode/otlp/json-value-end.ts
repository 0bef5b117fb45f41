// Where one JSON value (or an object key with its colon) ends when its bytes come in pieces: a span of an
// OTLP/JSON document cut between two chunks of a file (json-scan-frames.ts). Brackets are counted outside
// strings, as json-bytes.ts ObjectEnd counts them, and no syntax is checked: the reader reads the value fully
// once it is whole, and reports what is wrong with it then.

import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './json-bytes.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const START = 0;
/** In a string, object or array. */
const NESTED = 1;
/** A number or a literal (true, false, null): it ends before the first byte that cannot follow a value's last. */
const SCALAR = 2;
/** A key's string is whole: its end is after the next byte that is not blank (the colon, which the reader checks). */
const COLON = 3;
const DONE = 4;

export class ValueEnd {
  private phase = START;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** `isKey`: the bytes are an object's key, `"name":`, rather than a value. */
  constructor(private readonly isKey: boolean) {
    shapeOf(this);
  }

  /**
   * Reads `buf` from `from` on, the value's next bytes (the first call starts at its first byte, after any
   * blanks). Returns the index in `buf` just after the value, or -1 when it goes on past `buf`.
   */
  feed(buf: Uint8Array, from: number): number {
    let i = from;
    const n = buf.length;
    if (this.phase === START) {
      if (i >= n) return -1;
      const c = buf[i]!;
      if (c === QUOTE) {
        this.phase = NESTED;
        this.inString = true;
        i++;
      } else if (this.isKey) {
        return this.done(i + 1); // not a key: whole as it is, and the reader says so
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        this.phase = NESTED;
        this.depth = 1;
        i++;
      } else this.phase = SCALAR;
    }
    if (this.phase === SCALAR) {
      for (; i < n; i++) {
        const c = buf[i]!;
        if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isWs(c)) return this.done(i);
      }
      return -1;
    }
    if (this.phase === NESTED) {
      for (; i < n; i++) {
        const c = buf[i]!;
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            if (this.depth === 0) {
              if (!this.isKey) return this.done(i + 1);
              this.phase = COLON;
              i++;
              break;
            }
          }
        } else if (c === QUOTE) this.inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++;
        else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --this.depth === 0) return this.done(i + 1);
      }
      if (this.phase === NESTED) return -1;
    }
    if (this.phase === COLON) {
      for (; i < n; i++) if (!isWs(buf[i]!)) return this.done(i + 1);
    }
    return -1;
  }

  private done(end: number): number {
    this.phase = DONE;
    return end;
  }
}

/** The bytes of a value cut between chunks, kept from its first byte on in one buffer that grows. */
export class Carry {
  private buf = new Uint8Array(0);
  length = 0;

  constructor() {
    shapeOf(this);
  }

  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.length + bytes.length, this.buf.length * 2, 4096));
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The kept bytes (a view, valid until the next append or clear). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
    // A buffer grown for one huge value is not kept for the small ones after it.
    if (this.buf.length > 1 << 20) this.buf = new Uint8Array(0);
  }
}
