// Small helpers over protobufjs's Reader for what it cannot give exactly without Long: 64-bit values as bigint.
// The wire format: https://protobuf.dev/programming-guides/encoding/
import protobuf from 'protobufjs/minimal.js';

export type Reader = protobuf.Reader;
export const createReader = (bytes: Uint8Array): Reader => protobuf.Reader.create(bytes);

/** fixed64 (OTLP times) as an exact unsigned bigint. */
export function readFixed64(r: Reader): bigint {
  const lo = r.fixed32();
  const hi = r.fixed32();
  return (BigInt(hi) << 32n) | BigInt(lo);
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

/** Sub-reader bounds for a length-delimited field: returns the end offset. */
export function delimitedEnd(r: Reader): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end > r.len) throw new RangeError(`field of ${length} bytes runs past the end (byte ${r.pos} of ${r.len})`);
  return end;
}
