// Jaeger query API JSON: `/api/traces/{id}` and search responses, `{"data": [{traceID, spans, processes}]}`
// with microsecond times, `references` and typed `tags` (jaeger-idl model, jaeger-ui's types/trace.ts).
// The parent is the first reference into the same trace, as Jaeger UI's transformTraceData takes it; other
// references become links. OpenTelemetry's Jaeger mapping puts kind and status in tags (`span.kind`,
// `otel.status_code`, `otel.status_description`, `error`) and the scope in `otel.scope.name/version`
// (formerly `otel.library.*`); those become the native fields again.
import type { AnyValue, KeyValue, SpanLink, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { microsToNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { base64ToBytes, bytesToHex, normalizeTextId } from './otlp/ids.ts';
import { parseJsonOrReport } from './json-parse.ts';
import { jsonText } from './json-text.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const KINDS: Record<string, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const MAPPED_TAGS = new Set(['span.kind', 'otel.status_code', 'otel.status_description', 'otel.scope.name', 'otel.scope.version', 'otel.library.name', 'otel.library.version']);

function tagValue(tag: Json): AnyValue {
  const v = tag.value;
  switch (tag.type) {
    case 'bool':
      return { type: 'bool', value: v === true || v === 'true' };
    case 'int64':
      return { type: 'int', value: jsonText(v) };
    case 'float64':
      return { type: 'double', value: Number(v) };
    case 'binary': {
      const bytes = typeof v === 'string' ? base64ToBytes(v) : null;
      return bytes ? { type: 'bytes', value: bytesToHex(bytes) } : { type: 'string', value: jsonText(v) };
    }
    default:
      return { type: 'string', value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' };
  }
}

function tags(v: unknown): KeyValue[] {
  return list(v).filter(isObject).map((t) => ({ key: jsonText(t.key ?? ''), value: tagValue(t) }));
}

function text(kvs: readonly KeyValue[], key: string): string | undefined {
  const v = kvs.find((kv) => kv.key === key)?.value;
  return v === undefined ? undefined : v.type === 'string' ? v.value : v.type === 'bool' ? String(v.value) : undefined;
}

const id = (v: unknown, numBytes: number): string => (typeof v === 'string' ? normalizeTextId(v.padStart(numBytes * 2, '0'), numBytes).hex : '');

function decodeTrace(trace: Json, traceIdx: number, sink: SpanSink): void {
  const processes = isObject(trace.processes) ? trace.processes : {};
  const resourceOf = new Map<string, number>();
  const resource = (processId: string): number => {
    let idx = resourceOf.get(processId);
    if (idx === undefined) {
      const p = isObject(processes[processId]) ? (processes[processId] as Json) : {};
      idx = sink.addResource({ attributes: [{ key: 'service.name', value: { type: 'string', value: jsonText(p.serviceName ?? '') } }, ...tags(p.tags)], droppedAttributesCount: null, schemaUrl: '' });
      resourceOf.set(processId, idx);
    }
    return idx;
  };
  list(trace.spans).forEach((raw, spanIdx) => {
    const where = `data[${traceIdx}].spans[${spanIdx}]`;
    if (!isObject(raw)) {
      sink.issue({ message: 'expected a span object', where, severity: 'error' });
      return;
    }
    const traceId = id(raw.traceID, 16);
    const all = tags(raw.tags);
    const refs = list(raw.references).filter(isObject);
    const parentRef = refs.find((r) => id(r.traceID, 16) === traceId && (r.refType === 'CHILD_OF' || r.refType === 'FOLLOWS_FROM'));
    const links: SpanLink[] = refs.filter((r) => r !== parentRef).map((r) => ({
      traceId: id(r.traceID, 16), spanId: id(r.spanID, 8), traceState: '',
      attributes: [{ key: 'jaeger.ref_type', value: { type: 'string', value: jsonText(r.refType ?? '') } }], droppedAttributesCount: null, flags: null,
    }));
    const statusCode = text(all, 'otel.status_code');
    const isError = statusCode === 'ERROR' || text(all, 'error') === 'true';
    const startNs = typeof raw.startTime === 'number' ? microsToNanos(raw.startTime) : 0n;
    const durationNs = typeof raw.duration === 'number' ? microsToNanos(raw.duration) : 0n;
    const scopeIdx = sink.addScope({
      name: text(all, 'otel.scope.name') ?? text(all, 'otel.library.name') ?? '',
      version: text(all, 'otel.scope.version') ?? text(all, 'otel.library.version') ?? '',
      attributes: [], droppedAttributesCount: null, schemaUrl: '',
    });
    sink.addSpan({
      traceId, spanId: id(raw.spanID, 8), parentSpanId: parentRef ? id(parentRef.spanID, 8) : '', traceState: '',
      flags: typeof raw.flags === 'number' ? raw.flags & 0xff : null,
      name: jsonText(raw.operationName ?? ''),
      kind: KINDS[text(all, 'span.kind') ?? 'internal'] ?? 1,
      startNs, endNs: startNs > 0n ? startNs + durationNs : 0n,
      attributes: all.filter((kv) => !MAPPED_TAGS.has(kv.key)),
      droppedAttributesCount: null,
      events: list(raw.logs).filter(isObject).map((log) => {
        const fields = tags(log.fields);
        return { timeNs: typeof log.timestamp === 'number' ? microsToNanos(log.timestamp) : 0n, name: text(fields, 'event') ?? 'log', attributes: fields.filter((f) => f.key !== 'event'), droppedAttributesCount: null };
      }),
      droppedEventsCount: null, links, droppedLinksCount: null,
      status: { code: isError ? 2 : statusCode === 'OK' ? 1 : 0, message: text(all, 'otel.status_description') ?? '' },
      resourceIdx: resource(jsonText(raw.processID ?? '')), scopeIdx, where, quirks: Quirk.NO_DROPPED_COUNTS,
    });
    for (const w of list(raw.warnings)) sink.issue({ message: `Jaeger warning: ${jsonText(w)}`, where, severity: 'info' });
  });
}

export const jaegerJson: Decoder = {
  format: 'jaeger-json',
  sniff({ text: head }) {
    return /^\s*\{\s*"data"\s*:\s*\[\s*(\]|\{\s*"(traceID|spans|processes)")/.test(head) ? 0.85 : 0;
  },
  decode(input, sink) {
    const body = input.text();
    const parsed = parseJsonOrReport(body, sink);
    if (parsed === undefined) return;
    if (!isObject(parsed) || !Array.isArray(parsed.data)) {
      sink.issue({ message: 'not a Jaeger response: no "data" array', where: 'line 1, column 1', severity: 'error' });
      return;
    }
    for (const e of list(parsed.errors)) sink.issue({ message: `Jaeger error: ${JSON.stringify(e)}`, where: 'errors', severity: 'warning' });
    parsed.data.forEach((trace, traceIdx) => {
      if (isObject(trace)) decodeTrace(trace, traceIdx, sink);
      else sink.issue({ message: 'expected a trace object', where: `data[${traceIdx}]`, severity: 'error' });
    });
  },
};
