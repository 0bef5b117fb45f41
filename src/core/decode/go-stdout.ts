// Go `go.opentelemetry.io/otel/exporters/stdout/stdouttrace`: each span is the JSON encoding of
// tracetest.SpanStub, pretty-printed (WithPrettyPrint, tab-indented) or one per line
// (opentelemetry-go exporters/stdout/stdouttrace/trace.go, expected output in trace_test.go). Fields are Go
// names: Name, SpanContext{TraceID,SpanID,TraceFlags,TraceState,Remote}, Parent{…}, SpanKind (Go's numbers,
// which equal OTLP's), StartTime/EndTime (RFC 3339 with nanoseconds and a zone offset), Attributes
// [{Key, Value:{Type, Value}}], Events, Links, Status{Code: "Unset"|"Error"|"Ok", Description}, dropped counts,
// Resource [...], InstrumentationScope (older: InstrumentationLibrary). Releases before 1.0 used
// StatusCode/StatusMessage, MessageEvents and Dropped…Count names; those are read too. Some programs print a
// JSON array of spans; its elements are read as spans.
import type { AnyValue, KeyValue, SpanEvent, SpanLink, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { isoToUnixNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { consoleLines, sniffableText } from './text/streams.ts';
import { jsonBlocks } from './text/json-blocks.ts';
import { jsonText } from './json-text.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUS: Record<string, number> = { Unset: 0, Ok: 1, Error: 2 };

/**
 * INT64 values are JSON numbers and may exceed 2^53, which JSON.parse would round. Quote them in the raw
 * text first (Go's attribute.Value marshals Type before Value; inside JSON strings the quotes would be
 * escaped, so these patterns only match real keys).
 */
function quoteInt64s(text: string): string {
  return text
    .replace(/("Type":\s*"INT64",\s*"Value":\s*)(-?\d+)/g, '$1"$2"')
    .replace(/("Type":\s*"INT64SLICE",\s*"Value":\s*)\[([^\]]*)\]/g, (_m, head: string, body: string) => `${head}[${body.replace(/-?\d+/g, '"$&"')}]`);
}

function value(v: unknown): AnyValue {
  if (!isObject(v)) return { type: 'empty' };
  const raw = v.Value;
  const list = Array.isArray(raw) ? raw : [];
  switch (v.Type) {
    case 'STRING':
      return { type: 'string', value: jsonText(raw ?? '') };
    case 'BOOL':
      return { type: 'bool', value: raw === true };
    case 'INT64':
      return { type: 'int', value: jsonText(raw) };
    case 'FLOAT64':
      return { type: 'double', value: Number(raw) };
    case 'STRINGSLICE':
      return { type: 'array', values: list.map((x) => ({ type: 'string', value: jsonText(x) })) };
    case 'BOOLSLICE':
      return { type: 'array', values: list.map((x) => ({ type: 'bool', value: x === true })) };
    case 'INT64SLICE':
      return { type: 'array', values: list.map((x) => ({ type: 'int', value: jsonText(x) })) };
    case 'FLOAT64SLICE':
      return { type: 'array', values: list.map((x) => ({ type: 'double', value: Number(x) })) };
    default:
      return { type: 'empty' };
  }
}

function attributes(v: unknown): KeyValue[] {
  return (Array.isArray(v) ? v : []).filter(isObject).map((kv) => ({ key: jsonText(kv.Key ?? ''), value: value(kv.Value) }));
}

/** Go's zero time.Time ("0001-01-01T00:00:00Z", printed under WithoutTimestamps) means "no time". */
function time(v: unknown): bigint {
  if (typeof v !== 'string' || v.startsWith('0001-01-01T00:00:00')) return 0n;
  return isoToUnixNanos(v) ?? 0n;
}

const count = (...vs: unknown[]): number | null => {
  for (const v of vs) if (typeof v === 'number' && Number.isInteger(v)) return v;
  return null;
};

const ZERO_SPAN_ID = /^0{16}$/;

interface Context {
  traceId: string;
  spanId: string;
  traceFlags: number | null;
  traceState: string;
  remote: boolean;
}

function context(v: unknown): Context {
  const c = isObject(v) ? v : {};
  const flags = typeof c.TraceFlags === 'string' && /^[0-9a-f]{2}$/i.test(c.TraceFlags) ? parseInt(c.TraceFlags, 16) : null;
  return {
    traceId: normalizeTextId(jsonText(c.TraceID ?? ''), 16).hex, spanId: normalizeTextId(jsonText(c.SpanID ?? ''), 8).hex,
    traceFlags: flags, traceState: typeof c.TraceState === 'string' ? c.TraceState : '', remote: c.Remote === true,
  };
}

function emitSpan(o: Json, sink: SpanSink, where: string): void {
  const sc = context(o.SpanContext);
  const parent = context(o.Parent);
  const status = isObject(o.Status) ? o.Status : { Code: o.StatusCode, Description: o.StatusMessage };
  const scope = isObject(o.InstrumentationScope) ? o.InstrumentationScope : isObject(o.InstrumentationLibrary) ? o.InstrumentationLibrary : null;
  const resourceIdx = sink.addResource({ attributes: attributes(o.Resource), droppedAttributesCount: null, schemaUrl: '' });
  const scopeIdx = sink.addScope({
    name: jsonText(scope?.Name ?? ''), version: jsonText(scope?.Version ?? ''), attributes: attributes(scope?.Attributes),
    droppedAttributesCount: null, schemaUrl: jsonText(scope?.SchemaURL ?? ''),
  });
  const events: SpanEvent[] = (Array.isArray(o.Events) ? o.Events : Array.isArray(o.MessageEvents) ? o.MessageEvents : []).filter(isObject).map((e) => ({
    timeNs: time(e.Time), name: jsonText(e.Name ?? ''), attributes: attributes(e.Attributes), droppedAttributesCount: count(e.DroppedAttributeCount),
  }));
  const links: SpanLink[] = (Array.isArray(o.Links) ? o.Links : []).filter(isObject).map((l) => {
    const lc = context(l.SpanContext);
    return { traceId: lc.traceId, spanId: lc.spanId, traceState: lc.traceState, attributes: attributes(l.Attributes), droppedAttributesCount: count(l.DroppedAttributeCount), flags: lc.traceFlags };
  });
  const hasParent = parent.spanId !== '' && !ZERO_SPAN_ID.test(parent.spanId);
  // OTLP Span.flags: W3C flags in bits 0-7; bit 8 says whether bit 9 (parent is remote) is known. Go's own
  // OTLP exporter always sets bit 8 from Parent.Remote (opentelemetry-proto trace.proto, SpanFlags).
  const flags = sc.traceFlags === null ? null : sc.traceFlags | 0x100 | (parent.remote ? 0x200 : 0);
  const kind = typeof o.SpanKind === 'number' && Number.isInteger(o.SpanKind) ? o.SpanKind : 0;
  const dropped = count(o.DroppedAttributes, o.DroppedAttributeCount);
  sink.addSpan({
    traceId: sc.traceId, spanId: sc.spanId, parentSpanId: hasParent ? parent.spanId : '', traceState: sc.traceState, flags,
    name: jsonText(o.Name ?? ''), kind, startNs: time(o.StartTime), endNs: time(o.EndTime),
    attributes: attributes(o.Attributes), droppedAttributesCount: dropped,
    events, droppedEventsCount: count(o.DroppedEvents, o.DroppedMessageEventCount),
    links, droppedLinksCount: count(o.DroppedLinks, o.DroppedLinkCount),
    status: { code: STATUS[jsonText(status.Code)] ?? 0, message: typeof status.Description === 'string' ? status.Description : '' },
    resourceIdx, scopeIdx, where,
    quirks: (flags === null ? Quirk.NO_FLAGS : 0) | (dropped === null ? Quirk.NO_DROPPED_COUNTS : 0) | (scope === null ? Quirk.NO_SCOPE : 0),
  });
}

const isGoSpan = (v: unknown): v is Json => isObject(v) && isObject(v.SpanContext) && 'TraceID' in v.SpanContext;

export const goStdout: Decoder = {
  format: 'go-stdout',
  sniff(input) {
    const text = sniffableText(input.text);
    return /"SpanContext":\s*\{\s*"TraceID":\s*"[0-9a-f]{32}"/.test(text) && /"SpanKind":\s*\d/.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    let numSkipped = 0;
    const { lines, lineNos } = consoleLines(input.text());
    for (const block of jsonBlocks(lines)) {
      const where = `line ${lineNos[block.lineNo - 1]}`;
      if ('skipped' in block) {
        numSkipped++;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(quoteInt64s(block.text));
      } catch {
        sink.issue({ message: 'a {…} block that is not valid JSON; skipped', where, severity: 'warning' });
        continue;
      }
      const items = Array.isArray(parsed) ? parsed : [parsed];
      for (const item of items) {
        if (isGoSpan(item)) emitSpan(item, sink, where);
        else numSkipped += Array.isArray(parsed) ? 0 : block.text.split('\n').length;
      }
    }
    if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not spans (program output)`, where: 'whole input', severity: 'info' });
  },
};
