// Walks a parsed OTLP/JSON ExportTraceServiceRequest (or TracesData, which has the same field) into records.
// Spec: opentelemetry-proto docs/specification.md#json-protobuf-encoding — lowerCamelCase keys, hex ids,
// 64-bit integers as decimal strings or numbers, enums as integers. Real tools also emit snake_case keys,
// enum names (`SPAN_KIND_SERVER`), Tempo's `batches` and the deprecated `instrumentationLibrarySpans`;
// all are accepted, and the non-conformant ones are recorded as quirks for the linter.
import type { AnyValue, KeyValue, SpanEvent, SpanLink, SpanSink } from '../../model/records.ts';
import { placeText, Quirk } from '../../model/records.ts';
import { parseUnixNanos, type UnixNanos } from '../../model/time.ts';
import { base64ToBytes, bytesToHex, normalizeTextId } from './ids.ts';
import { jsonText } from '../json-text.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

type Json = Record<string, unknown>;

/** Nested values deeper than this become `truncated`, so hostile nesting cannot overflow the stack. */
export const MAX_VALUE_DEPTH = 64;

export const SPAN_KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
export const STATUS_CODE_NAMES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

const SNAKE = new Map<string, string>();
function snakeCase(camel: string): string {
  let snake = SNAKE.get(camel);
  if (snake === undefined) SNAKE.set(camel, (snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return snake;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads state shared by one walk: the quirks seen, and where problems are reported. */
class Walk {
  quirks = 0;
  constructor(
    readonly sink: SpanSink,
    readonly prefix: string,
    /** Quirks every span of this walk has (what its container lacked). */
    readonly baseQuirks = 0,
  ) {
    shapeOf(this);
  }

  /** Field by its lowerCamelCase name, falling back to snake_case (recorded as a quirk). */
  get(obj: Json, camel: string): unknown {
    if (Object.hasOwn(obj, camel)) return obj[camel];
    const snake = snakeCase(camel);
    if (snake !== camel && Object.hasOwn(obj, snake)) {
      this.quirks |= Quirk.SNAKE_CASE;
      return obj[snake];
    }
    return undefined;
  }

  list(obj: Json, camel: string, where: string): unknown[] {
    const v = this.get(obj, camel);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.warn(`"${camel}" should be an array but is ${typeName(v)}; ignored`, where ? `${where}.${camel}` : camel);
    return [];
  }

  str(obj: Json, camel: string): string {
    const v = this.get(obj, camel);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  count(obj: Json, camel: string): number {
    const v = this.get(obj, camel);
    const n = typeof v === 'string' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  }

  time(obj: Json, camel: string, where: string): UnixNanos {
    const v = this.get(obj, camel);
    if (v === undefined || v === null || v === '') return 0n;
    const t = parseUnixNanos(v);
    if (t === null) {
      this.warn(`"${camel}" is not an integer number of nanoseconds: ${short(v)}`, where);
      return 0n;
    }
    return t;
  }

  enumValue(obj: Json, camel: string, names: Record<string, number>): number {
    const v = this.get(obj, camel);
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      if (/^\d+$/.test(v)) return Number(v);
      const named = names[v];
      if (named !== undefined) {
        this.quirks |= Quirk.ENUM_NAMES;
        return named;
      }
      return -1;
    }
    return 0;
  }

  id(obj: Json, camel: string, numBytes: number): string {
    const v = this.get(obj, camel);
    if (typeof v !== 'string') return '';
    const id = normalizeTextId(v, numBytes);
    if (id.wasBase64) this.quirks |= Quirk.BASE64_IDS;
    return id.hex;
  }

  flags(obj: Json, camel: string): number | null {
    const v = this.get(obj, camel);
    return typeof v === 'number' && Number.isInteger(v) ? v >>> 0 : null;
  }

  warn(message: string, where: string): void {
    this.sink.issue({ message, where: this.prefix + where, severity: 'warning' });
  }

  error(message: string, where: string): void {
    this.sink.issue({ message, where: this.prefix + where, severity: 'error' });
  }

  attributes(obj: Json, camel: string, where: string): KeyValue[] {
    const out: KeyValue[] = [];
    const raw = this.list(obj, camel, where);
    for (let i = 0; i < raw.length; i++) {
      const kv = raw[i];
      if (!isObject(kv)) {
        this.warn(`attribute is ${typeName(kv)}, not an object; skipped`, `${where}.${camel}[${i}]`);
        continue;
      }
      out.push({ key: jsonText(kv.key ?? ''), value: this.value(kv.value, 0) });
    }
    return out;
  }

  value(v: unknown, depth: number): AnyValue {
    if (!isObject(v)) return { type: 'empty' };
    if (depth >= MAX_VALUE_DEPTH) return { type: 'truncated', note: `nested deeper than ${MAX_VALUE_DEPTH} levels` };
    const s = this.get(v, 'stringValue');
    if (s !== undefined) return { type: 'string', value: jsonText(s) };
    const b = this.get(v, 'boolValue');
    if (b !== undefined) return { type: 'bool', value: b === true || b === 'true' };
    const i = this.get(v, 'intValue');
    if (i !== undefined) return { type: 'int', value: typeof i === 'number' ? String(Math.trunc(i)) : jsonText(i) };
    const d = this.get(v, 'doubleValue');
    if (d !== undefined) return { type: 'double', value: typeof d === 'number' ? d : Number(d) };
    const by = this.get(v, 'bytesValue');
    if (by !== undefined) {
      const bytes = typeof by === 'string' ? base64ToBytes(by) : null;
      return bytes ? { type: 'bytes', value: bytesToHex(bytes) } : { type: 'string', value: jsonText(by) };
    }
    const arr = this.get(v, 'arrayValue');
    if (arr !== undefined) {
      const values = isObject(arr) && Array.isArray(arr.values) ? arr.values : [];
      return { type: 'array', values: values.map((x) => this.value(x, depth + 1)) };
    }
    const kvl = this.get(v, 'kvlistValue');
    if (kvl !== undefined) {
      const values = isObject(kvl) && Array.isArray(kvl.values) ? kvl.values : [];
      return {
        type: 'kvlist',
        values: values.filter(isObject).map((kv) => ({ key: jsonText(kv.key ?? ''), value: this.value(kv.value, depth + 1) })),
      };
    }
    return { type: 'empty' };
  }
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : jsonText(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** True when the value looks like an OTLP traces request/TracesData (or Tempo's `batches` form). */
export function isTracesRequest(v: unknown): v is Json {
  return isObject(v) && ('resourceSpans' in v || 'resource_spans' in v || 'batches' in v);
}

/**
 * Emits every span of one request. `prefix` goes before each position ("line 3: "). Returns the number of
 * spans emitted and the quirks seen (for the linter's `otlp-json-nonconformant` and `id-base64`).
 */
export function walkTracesRequest(request: Json, sink: SpanSink, prefix = ''): number {
  const w = new Walk(sink, prefix);
  let numSpans = 0;
  const rsKey = 'resourceSpans' in request || 'resource_spans' in request ? 'resourceSpans' : 'batches';
  const resourceSpans = w.list(request, rsKey, '');
  for (let r = 0; r < resourceSpans.length; r++) {
    const rs = resourceSpans[r];
    const rWhere = `${rsKey}[${r}]`;
    if (!isObject(rs)) {
      w.error(`expected a ResourceSpans object, found ${typeName(rs)}`, rWhere);
      continue;
    }
    const res = w.get(rs, 'resource');
    const resource = isObject(res) ? res : {};
    const resourceIdx = sink.addResource({
      attributes: w.attributes(resource, 'attributes', `${rWhere}.resource`),
      droppedAttributesCount: w.count(resource, 'droppedAttributesCount'),
      schemaUrl: w.str(rs, 'schemaUrl'),
    });
    const scopeLists: Array<[string, string]> = [
      ['scopeSpans', 'scope'],
      ['instrumentationLibrarySpans', 'instrumentationLibrary'],
    ];
    for (const [listKey, scopeKey] of scopeLists) {
      const scopeSpans = w.list(rs, listKey, rWhere);
      for (let s = 0; s < scopeSpans.length; s++) {
        const ss = scopeSpans[s];
        const sWhere = `${rWhere}.${listKey}[${s}]`;
        if (!isObject(ss)) {
          w.error(`expected a ScopeSpans object, found ${typeName(ss)}`, sWhere);
          continue;
        }
        const sc = w.get(ss, scopeKey);
        const scope = isObject(sc) ? sc : {};
        const scopeIdx = sink.addScope({
          name: w.str(scope, 'name'),
          version: w.str(scope, 'version'),
          attributes: w.attributes(scope, 'attributes', `${sWhere}.${scopeKey}`),
          droppedAttributesCount: w.count(scope, 'droppedAttributesCount'),
          schemaUrl: w.str(ss, 'schemaUrl'),
        });
        const spans = w.list(ss, 'spans', sWhere);
        const list = `${sWhere}.spans`;
        // One flat string per list, shared by its spans' places (a per-span concatenation would be kept).
        const placeList = w.prefix === '' ? list : [w.prefix, list].join('');
        for (let i = 0; i < spans.length; i++) if (walkSpan(w, spans[i], resourceIdx, scopeIdx, list, placeList, i)) numSpans++;
      }
    }
  }
  return numSpans;
}

/** True when the value looks like one OTLP/JSON Span (hex or base64 ids, either field spelling). */
export function isOtlpSpan(v: unknown): v is Json {
  return isObject(v) && ('spanId' in v || 'span_id' in v) && ('traceId' in v || 'trace_id' in v) && ('startTimeUnixNano' in v || 'start_time_unix_nano' in v);
}

/**
 * Spans with no ResourceSpans around them (elements of a top-level JSON array, as some converters and
 * hand-made dumps have), given by their index in that array: they get one empty resource and scope, and
 * carry Quirk.NO_RESOURCE / NO_SCOPE so resource and scope rules stay silent.
 */
export function walkBareSpans(items: readonly unknown[], indices: readonly number[], sink: SpanSink): number {
  const w = new Walk(sink, '', Quirk.NO_RESOURCE | Quirk.NO_SCOPE);
  const resourceIdx = sink.addResource({ attributes: [], droppedAttributesCount: null, schemaUrl: '' });
  const scopeIdx = sink.addScope({ name: '', version: '', attributes: [], droppedAttributesCount: null, schemaUrl: '' });
  let numSpans = 0;
  for (const i of indices) if (walkSpan(w, items[i], resourceIdx, scopeIdx, '', w.prefix, i)) numSpans++;
  return numSpans;
}

/** The span at `list[index]`; its place is kept as parts (see SpanPlace), the text is only for messages. */
function walkSpan(w: Walk, raw: unknown, resourceIdx: number, scopeIdx: number, list: string, placeList: string, index: number): boolean {
  const where = placeText(list, index, -1);
  if (!isObject(raw)) {
    w.error(`expected a Span object, found ${typeName(raw)}`, where);
    return false;
  }
  const quirksBefore = w.quirks;
  w.quirks = 0;
  const events: SpanEvent[] = w.list(raw, 'events', where).filter(isObject).map((e, i) => ({
    timeNs: w.time(e, 'timeUnixNano', `${where}.events[${i}]`),
    name: w.str(e, 'name'),
    attributes: w.attributes(e, 'attributes', `${where}.events[${i}]`),
    droppedAttributesCount: w.count(e, 'droppedAttributesCount'),
  }));
  const links: SpanLink[] = w.list(raw, 'links', where).filter(isObject).map((l, i) => ({
    traceId: w.id(l, 'traceId', 16),
    spanId: w.id(l, 'spanId', 8),
    traceState: w.str(l, 'traceState'),
    attributes: w.attributes(l, 'attributes', `${where}.links[${i}]`),
    droppedAttributesCount: w.count(l, 'droppedAttributesCount'),
    flags: w.flags(l, 'flags'),
  }));
  const st = w.get(raw, 'status');
  const status = isObject(st) ? { code: w.enumValue(st, 'code', STATUS_CODE_NAMES), message: w.str(st, 'message') } : { code: 0, message: '' };
  const span = {
    traceId: w.id(raw, 'traceId', 16),
    spanId: w.id(raw, 'spanId', 8),
    parentSpanId: w.id(raw, 'parentSpanId', 8),
    traceState: w.str(raw, 'traceState'),
    flags: w.flags(raw, 'flags'),
    name: w.str(raw, 'name'),
    kind: w.enumValue(raw, 'kind', SPAN_KIND_NAMES),
    startNs: w.time(raw, 'startTimeUnixNano', where),
    endNs: w.time(raw, 'endTimeUnixNano', where),
    attributes: w.attributes(raw, 'attributes', where),
    droppedAttributesCount: w.count(raw, 'droppedAttributesCount'),
    events,
    droppedEventsCount: w.count(raw, 'droppedEventsCount'),
    links,
    droppedLinksCount: w.count(raw, 'droppedLinksCount'),
    status,
    resourceIdx,
    scopeIdx,
    where: { list: placeList, index, byte: -1 },
  };
  if (span.traceId === '' || span.spanId === '') w.error('span has no traceId or spanId; kept, but it cannot join a trace', where);
  w.sink.addSpan({ ...span, quirks: w.quirks | w.baseQuirks });
  w.quirks |= quirksBefore;
  return true;
}
