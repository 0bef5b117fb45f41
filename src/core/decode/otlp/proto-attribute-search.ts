// Searching a run of OTLP/protobuf Span.attributes fields kept as bytes (proto-attributes.ts) without
// decoding it: a search's direct pass over a 1M-row trace whose spans each carry a value of their own took
// 4.3 s decoding every row's list, 0.6 s when the lists were decoded at load (scratch, 2026-12-03). The answer
// is what the search's Matcher gives for the decoded list (core/query/search.ts keyValue): some key, or some
// value's text (anyValueText; an int's decimal text), lowercased, contains the needle. Only what is plain to
// read here is answered: a needle and texts of ASCII (whose lowercase is A-Z folded), in a run of the
// layout isScalarRun checks; anything else is undefined, and the caller decodes the list.
import { asciiHolds, isAsciiNeedle } from '../ascii-holds.ts';
import { isScalarRun } from './proto-scalar-run.ts';

const LEN = 2;
/** KeyValue.key and AnyValue.string_value tags (field << 3 | wire type). */
const KEY = (1 << 3) | LEN;
const STRING = (1 << 3) | LEN;

/** The text the Matcher tests for the scalar AnyValue field at `p` filling `[p, end)` (isScalarRun), or undefined. */
function scalarText(b: Uint8Array, p: number, end: number): string | undefined {
  const tag = b[p]!;
  if (tag === (2 << 3)) {
    // bool: protobufjs reads any nonzero varint as true.
    let any = false;
    for (let i = p + 1; i < end; i++) any ||= (b[i]! & 0x7f) !== 0;
    return any ? 'true' : 'false';
  }
  if (tag === (3 << 3)) {
    // int64 as decimal text: exact through Number below 2^49 (at most 7 varint bytes); longer ones are left.
    if (end - p - 1 > 7) return undefined;
    let value = 0;
    for (let i = p + 1, scale = 1; i < end; i++, scale *= 128) value += (b[i]! & 0x7f) * scale;
    return String(value);
  }
  if (tag === ((4 << 3) | 1)) return String(new DataView(b.buffer, b.byteOffset + p + 1, 8).getFloat64(0, true));
  if (tag === ((7 << 3) | LEN)) {
    let hex = '';
    for (let i = p + 2; i < end; i++) hex += b[i]!.toString(16).padStart(2, '0');
    return hex;
  }
  return undefined;
}

/**
 * AttributeCodec.holds for a run that isPlainRun accepted: whether some attribute's key or value text
 * contains `needle`, or undefined when the run holds what this does not read (see the top of the file).
 */
export function runHolds(b: Uint8Array, start: number, end: number, needle: string): boolean | undefined {
  if (!isAsciiNeedle(needle) || !isScalarRun(b, start, end)) return undefined;
  let p = start;
  let unsure = false;
  while (p < end) {
    // The layout isScalarRun checked: tag and length, then a key field and a value field, each optional.
    const kvEnd = p + 2 + b[p + 1]!;
    p += 2;
    if (p < kvEnd && b[p] === KEY) {
      const keyEnd = p + 2 + b[p + 1]!;
      const inKey = asciiHolds(b, p + 2, keyEnd, needle);
      if (inKey === true) return true;
      unsure ||= inKey === undefined;
      p = keyEnd;
    }
    p += 2; // the value field's tag and length: the value fills the rest of the KeyValue
    if (p < kvEnd) {
      if (b[p] === STRING) {
        const inValue = asciiHolds(b, p + 2, kvEnd, needle);
        if (inValue === true) return true;
        unsure ||= inValue === undefined;
      } else {
        const text = scalarText(b, p, kvEnd);
        if (text === undefined) return undefined;
        if (text.includes(needle)) return true;
      }
    }
    p = kvEnd;
  }
  return unsure ? undefined : false;
}
