// Zipkin v2 JSON: an array of spans (zipkin-api zipkin2-api.yaml) with microsecond `timestamp`/`duration`,
// `kind` SERVER/CLIENT/PRODUCER/CONSUMER (absent = local, i.e. INTERNAL), `localEndpoint.serviceName`,
// `annotations` (events) and string `tags`. OpenTelemetry's Zipkin exporter writes status as the tags
// `otel.status_code`/`error`, which become the native status again. Zipkin may use 64-bit (16-hex) trace
// ids; they are left-padded to 128 bits, as OpenTelemetry does, and reported.
import type { KeyValue } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { microsToNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { parseJsonOrReport } from './json-parse.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { jsonText } from './json-text.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS: Record<string, number> = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
const STATUS_TAGS = new Set(['otel.status_code', 'error', 'otel.status_description']);

export const zipkinJson: Decoder = {
  format: 'zipkin-json',
  sniff({ text }) {
    return /^\s*\[\s*\{\s*"(traceId|parentId|id|name|kind|timestamp|duration|localEndpoint)"/.test(text) && /"localEndpoint"\s*:/.test(text) ? 0.85 : 0;
  },
  decode(input, sink) {
    const parsed = parseJsonOrReport(input.text(), sink);
    if (parsed === undefined) return;
    if (!Array.isArray(parsed)) {
      sink.issue({ message: 'not Zipkin v2 JSON: expected an array of spans', where: 'line 1, column 1', severity: 'error' });
      return;
    }
    const resources = new Map<string, number>();
    const scopeIdx = sink.addScope({ name: '', version: '', attributes: [], droppedAttributesCount: null, schemaUrl: '' });
    let numPadded = 0;
    parsed.forEach((raw, i) => {
      const where = `[${i}]`;
      if (!isObject(raw)) {
        sink.issue({ message: 'expected a span object', where, severity: 'error' });
        return;
      }
      const service = isObject(raw.localEndpoint) && typeof raw.localEndpoint.serviceName === 'string' ? raw.localEndpoint.serviceName : '';
      let resourceIdx = resources.get(service);
      if (resourceIdx === undefined) {
        resourceIdx = sink.addResource({ attributes: [{ key: 'service.name', value: { type: 'string', value: service } }], droppedAttributesCount: null, schemaUrl: '' });
        resources.set(service, resourceIdx);
      }
      const rawTrace = typeof raw.traceId === 'string' ? raw.traceId : '';
      if (rawTrace.length === 16) numPadded++;
      const tags = isObject(raw.tags) ? raw.tags : {};
      const attributes: KeyValue[] = Object.entries(tags).filter(([k]) => !STATUS_TAGS.has(k)).map(([key, v]) => ({ key, value: { type: 'string', value: jsonText(v) } }));
      const remote = isObject(raw.remoteEndpoint) ? raw.remoteEndpoint : null;
      if (remote && typeof remote.serviceName === 'string') attributes.push({ key: 'peer.service', value: { type: 'string', value: remote.serviceName } });
      const status = jsonText(tags['otel.status_code'] ?? '');
      const isError = status === 'ERROR' || 'error' in tags;
      const startNs = typeof raw.timestamp === 'number' ? microsToNanos(raw.timestamp) : 0n;
      const endNs = startNs > 0n && typeof raw.duration === 'number' ? startNs + microsToNanos(raw.duration) : startNs;
      sink.addSpan({
        traceId: normalizeTextId(rawTrace.padStart(32, '0'), 16).hex,
        spanId: normalizeTextId(typeof raw.id === 'string' ? raw.id : '', 8).hex,
        parentSpanId: normalizeTextId(typeof raw.parentId === 'string' ? raw.parentId : '', 8).hex,
        traceState: '', flags: null, name: typeof raw.name === 'string' ? raw.name : '',
        kind: KINDS[jsonText(raw.kind)] ?? 1, startNs, endNs, attributes, droppedAttributesCount: null,
        events: (Array.isArray(raw.annotations) ? raw.annotations : []).filter(isObject).map((a) => ({
          timeNs: typeof a.timestamp === 'number' ? microsToNanos(a.timestamp) : 0n, name: jsonText(a.value ?? ''), attributes: [], droppedAttributesCount: null,
        })),
        droppedEventsCount: null, links: [], droppedLinksCount: null,
        status: { code: isError ? 2 : status === 'OK' ? 1 : 0, message: typeof tags.error === 'string' ? tags.error : '' },
        resourceIdx, scopeIdx, where, quirks: Quirk.NO_FLAGS | Quirk.NO_DROPPED_COUNTS | Quirk.NO_SCOPE | Quirk.NO_LINKS | Quirk.NO_EVENT_ATTRIBUTES,
      });
    });
    if (numPadded > 0) sink.issue({ message: `${numPadded} spans have 64-bit trace ids, left-padded to 128 bits`, where: 'whole input', severity: 'info' });
  },
};
