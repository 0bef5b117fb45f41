// Small helpers over protobufjs's Reader for what it cannot give exactly without Long: 64-bit values as bigint.
// The wire format: https://protobuf.dev/programming-guides/encoding/
import protobuf from 'protobufjs/minimal.js';
import { bytesToHex } from './ids.ts';

export type Reader = protobuf.Reader;
export const createReader = (bytes: Uint8Array): Reader => protobuf.Reader.create(bytes);

/** A reader with a DataView over its buffer, made by the first readFixed64 (the buffer never changes). */
type ViewingReader = Reader & { view?: DataView };

/**
 * fixed64 (OTLP times) as an exact unsigned bigint: one bigint made by DataView, where joining two 32-bit
 * halves made four (two per time, measured as garbage-collector time at 100k spans). Past the end it throws
 * where reading the halves with protobufjs would, so a cut is reported at the same byte.
 */
export function readFixed64(r: Reader): bigint {
  const pos = r.pos;
  if (pos + 8 > r.len) {
    r.fixed32();
    r.fixed32();
  }
  const view = ((r as ViewingReader).view ??= new DataView(r.buf.buffer, r.buf.byteOffset, r.buf.byteLength));
  r.pos = pos + 8;
  return view.getBigUint64(pos, true);
}

/** A varint as a signed 64-bit bigint (proto int64). */
export function readInt64(r: Reader): bigint {
  let result = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (r.pos >= r.len) throw new RangeError(`index out of range: ${r.pos} + 1 > ${r.len}`);
    const b = r.buf[r.pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return BigInt.asIntN(64, result);
    shift += 7n;
  }
  throw new RangeError('varint longer than 10 bytes');
}

// ignoreBOM: a string may start with U+FEFF, and TextDecoder would otherwise drop it (it reads it as a BOM).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A length-delimited UTF-8 string as one flat JS string. protobufjs's `Reader.string()` appends short
 * strings 8 characters at a time, which leaves chains of concatenated pieces behind every name and key
 * (measured: more than half of a span's resident memory). Short ASCII strings are read in one call instead;
 * anything else goes through TextDecoder (invalid sequences become U+FFFD, as protobufjs's loose read).
 */
export function readString(r: Reader): string {
  const end = delimitedEnd(r);
  const start = r.pos;
  r.pos = end;
  return textAt(r.buf, start, end);
}

/** `buf[start, end)` as UTF-8 text (see readString). */
export function textAt(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 256) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(buf.subarray(start, end));
}

/** Sub-reader bounds for a length-delimited field: returns the end offset. */
export function delimitedEnd(r: Reader): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end > r.len) throw new RangeError(`field of ${length} bytes runs past the end (byte ${r.pos} of ${r.len})`);
  return end;
}

/** Length-delimited bytes as lowercase hex, read in place (no copy or view of the bytes). */
export function hexField(r: Reader): string {
  const end = delimitedEnd(r);
  const start = r.pos;
  r.pos = end;
  return bytesToHex(r.buf, start, end);
}
