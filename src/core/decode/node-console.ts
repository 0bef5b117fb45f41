// Node.js `@opentelemetry/sdk-trace-base` ConsoleSpanExporter: `console.dir(info, { depth: 3 })` of one
// object per span (opentelemetry-js packages/opentelemetry-sdk-trace-base/src/export/ConsoleSpanExporter.ts,
// `_exportInfo`). It is util.inspect text, not JSON (see text/js-literal.ts). Differences that matter:
// - SDK 1.x prints `parentId`; 2.x prints `parentSpanContext` (the parent's SpanContext) instead.
// - `kind` is the API's SpanKind (INTERNAL=0, SERVER=1, CLIENT=2, PRODUCER=3, CONSUMER=4), one less than
//   the OTLP enum (INTERNAL=1 … CONSUMER=5).
// - `timestamp` and `duration` are microseconds (hrTimeToMicroseconds); event `time` is an HrTime
//   `[seconds, nanos]`, exact to the nanosecond.
// - Values deeper than depth 3 print as `[Array]` / `[Object]`, arrays past 100 items and strings past
//   10 000 characters are cut: such values become AnyValue `truncated` and the span keeps its place.
// No trace flags and no dropped counts for the span itself are printed.
import type { AnyValue, KeyValue, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { decodeConsoleText } from './console-blocks.ts';
import { sniffableText } from './text/streams.ts';
import { Cut, isJsObject, type JsObject, type JsValue } from './text/js-literal.ts';

const MAX_API_KIND = 4;

interface Ctx {
  cut: boolean;
}

function value(v: JsValue, ctx: Ctx): AnyValue {
  if (v instanceof Cut) {
    ctx.cut = true;
    return { type: 'truncated', note: v.note };
  }
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  // The JS SDK sends integral numbers as intValue and others as doubleValue (otlp-transformer toAnyValue).
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'int', value: String(v) } : { type: 'double', value: v };
  if (typeof v === 'bigint') return { type: 'int', value: String(v) };
  if (Array.isArray(v)) return { type: 'array', values: v.map((x) => value(x, ctx)) };
  if (isJsObject(v)) return { type: 'kvlist', values: attributes(v, ctx) };
  return { type: 'empty' };
}

function attributes(v: JsValue, ctx: Ctx): KeyValue[] {
  if (v instanceof Cut) {
    ctx.cut = true;
    return [{ key: '(attributes)', value: { type: 'truncated', note: v.note } }];
  }
  // Attributes set to undefined are dropped by the SDK; inspect still prints the key.
  return isJsObject(v) ? Object.entries(v).filter(([, x]) => x !== undefined).map(([key, x]) => ({ key, value: value(x, ctx) })) : [];
}

const str = (v: JsValue): string => (typeof v === 'string' ? v : '');
const obj = (v: JsValue): JsObject => (isJsObject(v) ? v : (Object.create(null) as JsObject));
const num = (v: JsValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const micros = (v: JsValue): bigint => (typeof v === 'number' && Number.isFinite(v) ? BigInt(Math.round(v)) * 1000n : 0n);
const hrTime = (v: JsValue): bigint =>
  Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' ? BigInt(Math.trunc(v[0])) * 1_000_000_000n + BigInt(Math.trunc(v[1])) : 0n;

/** True when `o` looks like one ConsoleSpanExporter object. */
export function isNodeConsoleSpan(o: JsValue): o is JsObject {
  return isJsObject(o) && typeof o.traceId === 'string' && typeof o.id === 'string' && 'kind' in o;
}

export function emitNodeSpan(o: JsObject, sink: SpanSink, where: string): void {
  const ctx: Ctx = { cut: false };
  const res = obj(o.resource);
  const scope = isJsObject(o.instrumentationScope) ? o.instrumentationScope : isJsObject(o.instrumentationLibrary) ? o.instrumentationLibrary : null;
  const resourceIdx = sink.addResource({ attributes: attributes(res.attributes, ctx), droppedAttributesCount: null, schemaUrl: '' });
  const scopeIdx = sink.addScope({ name: str(scope?.name), version: str(scope?.version), attributes: [], droppedAttributesCount: null, schemaUrl: str(scope?.schemaUrl) });
  const parent = isJsObject(o.parentSpanContext) ? str(o.parentSpanContext.spanId) : str(o.parentId);
  const apiKind = num(o.kind);
  const startNs = micros(o.timestamp);
  const durNs = micros(o.duration);
  const status = obj(o.status);
  const events = (Array.isArray(o.events) ? o.events : []).filter(isJsObject).map((e) => ({
    timeNs: hrTime(e.time), name: str(e.name), attributes: attributes(e.attributes ?? {}, ctx), droppedAttributesCount: num(e.droppedAttributesCount),
  }));
  const links = (Array.isArray(o.links) ? o.links : []).filter(isJsObject).map((l) => {
    const c = obj(l.context);
    const flags = num(c.traceFlags);
    return {
      traceId: normalizeTextId(str(c.traceId), 16).hex, spanId: normalizeTextId(str(c.spanId), 8).hex, traceState: str(c.traceState),
      attributes: attributes(l.attributes ?? {}, ctx), droppedAttributesCount: num(l.droppedAttributesCount), flags: flags === null ? null : flags & 0xff,
    };
  });
  if (o.events instanceof Cut || o.links instanceof Cut) ctx.cut = true;
  sink.addSpan({
    traceId: normalizeTextId(str(o.traceId), 16).hex, spanId: normalizeTextId(str(o.id), 8).hex, parentSpanId: parent ? normalizeTextId(parent, 8).hex : '',
    traceState: str(o.traceState), flags: null, name: str(o.name),
    kind: apiKind !== null && Number.isInteger(apiKind) && apiKind >= 0 && apiKind <= MAX_API_KIND ? apiKind + 1 : 0,
    startNs, endNs: startNs === 0n ? 0n : startNs + durNs,
    attributes: attributes(o.attributes ?? {}, ctx), droppedAttributesCount: null,
    events, droppedEventsCount: null, links, droppedLinksCount: null,
    status: { code: num(status.code) ?? 0, message: str(status.message) },
    resourceIdx, scopeIdx, where,
    quirks: Quirk.NO_FLAGS | Quirk.NO_DROPPED_COUNTS | (scope ? 0 : Quirk.NO_SCOPE) | (ctx.cut ? Quirk.TRUNCATED_VALUE : 0),
  });
}

export const nodeConsole: Decoder = {
  format: 'node-console',
  sniff(input) {
    const text = sniffableText(input.text);
    // `{` at column 0, then the exporter's first keys in their fixed order.
    // No `\s*` that can cross a line break next to another blank run: see rust-stdout.ts's sniff.
    return /^\{[^\S\n]*\n\s+resource: \{[^\S\n]*\n\s+attributes: /m.test(text) && /^[^\S\n\r\u2028\u2029]+traceId: '[0-9a-f]{32}',?$/m.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    decodeConsoleText(input.text(), sink);
  },
};
