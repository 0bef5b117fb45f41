// The common layout of a span's OTLP/protobuf attribute run (common.proto KeyValue and AnyValue): one checker
// for both readers of it, the well-formedness check (proto-attributes.ts isPlainRun) and the search of a
// run's bytes (proto-attribute-search.ts).

const VARINT = 0;
const I64 = 1;
const LEN = 2;

/**
 * Whether every KeyValue of the Span.attributes run `b[start, end)` is a key and a scalar value (string, bool,
 * int, double or bytes), each field in order, each length one byte and each varint at most 10 bytes. Such
 * a run is well formed (isPlainRun's common case, read with locals only), and runHolds reads it by this
 * layout alone.
 */
export function isScalarRun(b: Uint8Array, start: number, end: number): boolean {
  let p = start;
  while (p < end) {
    if (b[p] !== ((9 << 3) | LEN) || b[p + 1]! >= 0x80) return false;
    const kvEnd = p + 2 + b[p + 1]!;
    if (kvEnd > end) return false;
    p += 2;
    if (p < kvEnd && b[p] === ((1 << 3) | LEN)) {
      if (b[p + 1]! >= 0x80) return false;
      p += 2 + b[p + 1]!;
      if (p > kvEnd) return false;
    }
    if (p < kvEnd) {
      if (b[p] !== ((2 << 3) | LEN) || b[p + 1]! >= 0x80 || p + 2 + b[p + 1]! !== kvEnd) return false;
      p += 2;
      if (p < kvEnd && !isScalarField(b, p, kvEnd)) return false;
    }
    p = kvEnd;
  }
  return p === end;
}

/** One AnyValue scalar field filling `[p, end)`: string 1 or bytes 7 (one-byte length), bool 2, int 3, double 4. */
function isScalarField(b: Uint8Array, p: number, end: number): boolean {
  const tag = b[p]!;
  if (tag === ((1 << 3) | LEN) || tag === ((7 << 3) | LEN)) return b[p + 1]! < 0x80 && p + 2 + b[p + 1]! === end;
  if (tag === ((4 << 3) | I64)) return p + 9 === end;
  if (tag !== ((2 << 3) | VARINT) && tag !== ((3 << 3) | VARINT)) return false;
  for (let i = p + 1; i < end && i <= p + 10; i++) if (b[i]! < 0x80) return i + 1 === end;
  return false;
}

