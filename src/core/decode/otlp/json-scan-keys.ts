// The keys the OTLP/JSON byte scanner knows (json-scan.ts), and how it picks an AnyValue from the fields
// it read — the walker's precedence (json-walk.ts Walk.value), kept in one place beside the key list.
import type { AnyValue, KeyValue } from '../../model/records.ts';
import { COMPOSITE, notFast, type Scalar } from './json-bytes.ts';
import { base64ToBytes, bytesToHex } from './ids.ts';

/** Every key the walker reads; a key's id is its index. */
const FIELDS = [
  'resourceSpans', 'resource', 'schemaUrl', 'scopeSpans', 'attributes', 'droppedAttributesCount', 'scope', 'name',
  'version', 'spans', 'traceId', 'spanId', 'parentSpanId', 'traceState', 'flags', 'kind', 'startTimeUnixNano',
  'endTimeUnixNano', 'events', 'droppedEventsCount', 'links', 'droppedLinksCount', 'status', 'code', 'message',
  'timeUnixNano', 'key', 'value', 'stringValue', 'boolValue', 'intValue', 'doubleValue', 'bytesValue', 'arrayValue',
  'kvlistValue', 'values',
] as const;
export const F = Object.fromEntries(FIELDS.map((name, i) => [name, i])) as { readonly [K in (typeof FIELDS)[number]]: number };
export const FIELD_IDS: ReadonlyMap<string, number> = new Map<string, number>(FIELDS.map((name, i) => [name, i]));
export const UNKNOWN = -1;

/** Each known key as its JSON literal, quotes included (`"name"`): what `knownKey` and `quotedKeyAt` compare. */
const QUOTED_KEYS = FIELDS.map((name) => new TextEncoder().encode(JSON.stringify(name)));
export const NUM_KEYS = FIELDS.length;
/** A slot per (length below 32, first and last byte mixed), which tells all known keys apart (checked below). */
const shapeOf = (length: number, first: number, last: number): number => ((length & 31) << 8) | ((first * 7 + last) & 255);
/** Known key id + 1 by shape; 0 for none. A table, not a Map: it is read for every key of every span. */
const KEY_BY_SHAPE = new Uint8Array(32 << 8);
for (const [i, q] of QUOTED_KEYS.entries()) {
  const length = q.length - 2;
  const shape = shapeOf(length, q[1]!, q[length]!);
  if (KEY_BY_SHAPE[shape] !== 0 || length >= 32) throw new Error('json-scan-keys: two keys share a shape');
  KEY_BY_SHAPE[shape] = i + 1;
}

/**
 * Index after the known key `id` spelled plainly with its quotes at `pos`, or -1: one compare, no search for
 * the string's end (no known key holds a quote or backslash).
 */
export function quotedKeyAt(buf: Uint8Array, pos: number, id: number): number {
  const key = QUOTED_KEYS[id]!;
  const n = key.length;
  if (pos + n > buf.length) return -1;
  for (let i = 0; i < n; i++) if (buf[pos + i] !== key[i]) return -1;
  return pos + n;
}

/**
 * The id of the known key whose string literal is `buf[start, end)` (quotes included) spelled plainly, or
 * undefined. No hashing: its shape picks the one key it can be, then one compare.
 */
export function knownKey(buf: Uint8Array, start: number, end: number): number | undefined {
  const length = end - start - 2;
  if (length <= 0 || length >= 32) return undefined;
  const id = KEY_BY_SHAPE[shapeOf(length, buf[start + 1]!, buf[end - 2]!)]! - 1;
  return id >= 0 && quotedKeyAt(buf, start, id) === end ? id : undefined;
}
/** Keys that change how the walker reads the request (Jaeger v3 `result`, Tempo `batches`, deprecated lists). */
export const SLOW_KEYS: ReadonlySet<string> = new Set(['result', 'batches', 'instrumentationLibrarySpans', 'instrumentationLibrary']);

export const EMPTY_VALUE: AnyValue = Object.freeze({ type: 'empty' });

/**
 * The AnyValue the walker makes of an object with these fields: `raw` holds stringValue, boolValue, intValue,
 * doubleValue and bytesValue (undefined when absent), `list` an arrayValue's or kvlistValue's values.
 */
export function pickValue(raw: ReadonlyArray<Scalar | undefined>, list: AnyValue[] | KeyValue[] | undefined, listType: number): AnyValue {
  const [s, b, i, d, by] = raw;
  if (s !== undefined) return s === COMPOSITE ? notFast() : { type: 'string', value: typeof s === 'string' ? s : String(s) };
  if (b !== undefined) return { type: 'bool', value: b === true || b === 'true' };
  if (i !== undefined) return i === COMPOSITE ? notFast() : { type: 'int', value: typeof i === 'number' ? String(Math.trunc(i)) : String(i) };
  if (d !== undefined) return d === COMPOSITE ? notFast() : { type: 'double', value: typeof d === 'number' ? d : Number(d) };
  if (by !== undefined) {
    if (by === COMPOSITE) notFast();
    const bytes = typeof by === 'string' ? base64ToBytes(by) : null;
    return bytes ? { type: 'bytes', value: bytesToHex(bytes) } : { type: 'string', value: String(by) };
  }
  if (list !== undefined) return listType === F.arrayValue ? { type: 'array', values: list as AnyValue[] } : { type: 'kvlist', values: list as KeyValue[] };
  return EMPTY_VALUE;
}
