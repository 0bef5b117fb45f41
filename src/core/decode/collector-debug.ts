// The OpenTelemetry Collector `debug` exporter at detailed verbosity, and its predecessor `logging`
// (collector internal/otlptext): `ResourceSpans #0`, `Resource attributes:` (older `Resource labels:`),
// `ScopeSpans #0` / `InstrumentationLibrarySpans #0`, `InstrumentationScope name version`, `Span #0` with
// `Trace ID : …` lines, then `Attributes:` / `Events:` / `Links:` with `-> key: Type(value)` lines.
// Kinds and status read both spellings (`SPAN_KIND_SERVER` / `Server`, `STATUS_CODE_ERROR` / `Error`);
// types both (`STRING(x)` / `Str(x)`). Lines before `ResourceSpans` (collector log prefixes) are skipped.
import type { AnyValue, KeyValue, SpanEvent, SpanLink, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { isoToUnixNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { sniffableText, splitTextStreams, type TextStream } from './text/streams.ts';

const KINDS: Record<string, number> = { UNSPECIFIED: 0, INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
const STATUS: Record<string, number> = { UNSET: 0, OK: 1, ERROR: 2 };
const FIELD = /^\s{4}(Trace ID|Parent ID|ID|Name|Kind|Start time|End time|Status code|Status message|TraceState|Flags|DroppedAttributesCount|DroppedEventsCount|DroppedLinksCount)\s*:\s?(.*)$/;
const ATTR = /^(\s*)-> ([^:]+?): ([A-Za-z]+)\((.*)\)\s*$/;
const SUB = /^\s*-> ([A-Za-z ]+?):{1,2}\s?(.*)$/;

function typed(type: string, raw: string): AnyValue {
  switch (type.toUpperCase()) {
    case 'STR':
    case 'STRING':
      return { type: 'string', value: raw };
    case 'INT':
      return { type: 'int', value: raw };
    case 'DOUBLE':
      return { type: 'double', value: Number(raw) };
    case 'BOOL':
      return { type: 'bool', value: raw === 'true' };
    case 'BYTES':
      return { type: 'bytes', value: raw };
    case 'EMPTY':
      return { type: 'empty' };
    default:
      // Slice/Map print as JSON-ish text; keep it as text rather than guess its structure.
      return { type: 'string', value: raw };
  }
}

/** "2022-06-09 20:43:37.390134089 +0000 UTC" → ns. */
function time(text: string): bigint {
  const m = /^(\S+) (\S+) ([+-]\d{4})/.exec(text.trim());
  return m ? (isoToUnixNanos(`${m[1]}T${m[2]}${m[3]}`) ?? 0n) : 0n;
}

interface SpanDraft {
  fields: Map<string, string>;
  attributes: KeyValue[];
  events: Array<SpanEvent & { attributes: KeyValue[] }>;
  links: Array<SpanLink & { attributes: KeyValue[] }>;
  lineNo: number;
}

/** Decodes one stream of collector output; returns how many non-span lines it skipped. */
export function decodeCollectorLines(stream: TextStream, sink: SpanSink): number {
  const lines = stream.lines;
  let resourceIdx = -1;
  let scopeIdx = -1;
  let resourceAttrs: KeyValue[] | null = null;
  let span: SpanDraft | null = null;
  let section: 'resource' | 'span' | 'events' | 'links' | 'none' = 'none';
  let numSkipped = 0;
  const flush = (): void => {
    if (!span) return;
    const f = span.fields;
    const dropped = (k: string): number | null => (f.has(k) ? Number(f.get(k)) : null);
    sink.addSpan({
      traceId: normalizeTextId(f.get('Trace ID') ?? '', 16).hex, spanId: normalizeTextId(f.get('ID') ?? '', 8).hex,
      parentSpanId: normalizeTextId(f.get('Parent ID') ?? '', 8).hex, traceState: f.get('TraceState') ?? '',
      flags: f.has('Flags') ? Number(f.get('Flags')) : null, name: f.get('Name') ?? '',
      kind: KINDS[(f.get('Kind') ?? '').replace(/^SPAN_KIND_/, '').toUpperCase()] ?? 0,
      startNs: time(f.get('Start time') ?? ''), endNs: time(f.get('End time') ?? ''),
      attributes: span.attributes, droppedAttributesCount: dropped('DroppedAttributesCount'),
      events: span.events, droppedEventsCount: dropped('DroppedEventsCount'),
      links: span.links, droppedLinksCount: dropped('DroppedLinksCount'),
      status: { code: STATUS[(f.get('Status code') ?? '').replace(/^STATUS_CODE_/, '').toUpperCase()] ?? 0, message: f.get('Status message') ?? '' },
      resourceIdx, scopeIdx, where: `line ${span.lineNo}`,
      quirks: (f.has('Flags') ? 0 : Quirk.NO_FLAGS) | (f.has('DroppedAttributesCount') ? 0 : Quirk.NO_DROPPED_COUNTS),
    });
    span = null;
  };
  const ensureResource = (): void => {
    if (resourceAttrs) {
      resourceIdx = sink.addResource({ attributes: resourceAttrs, droppedAttributesCount: null, schemaUrl: '' });
      resourceAttrs = null;
    }
  };
  lines.forEach((line, i) => {
    const rs = /ResourceSpans #\d+/.exec(line);
    if (rs) {
      flush();
      resourceAttrs = [];
      section = 'resource';
      return;
    }
    if (/^(ScopeSpans|InstrumentationLibrarySpans) #\d+/.test(line)) {
      flush();
      ensureResource();
      section = 'none';
      return;
    }
    const scope = /^(InstrumentationScope|InstrumentationLibrary) (\S*) ?(\S*)/.exec(line);
    if (scope) {
      scopeIdx = sink.addScope({ name: scope[2] ?? '', version: scope[3] ?? '', attributes: [], droppedAttributesCount: null, schemaUrl: '' });
      return;
    }
    if (/^Span #\d+/.test(line)) {
      flush();
      ensureResource();
      span = { fields: new Map(), attributes: [], events: [], links: [], lineNo: stream.lineNos[i]! };
      section = 'span';
      return;
    }
    if (/^Events:/.test(line)) return void (section = 'events');
    if (/^Links:/.test(line)) return void (section = 'links');
    if (/^(Attributes|Resource attributes|Resource labels):/.test(line)) {
      section = line.startsWith('Resource') ? 'resource' : 'span';
      return;
    }
    if (/^SpanEvent #\d+/.test(line) && span) return void span.events.push({ timeNs: 0n, name: '', attributes: [], droppedAttributesCount: null });
    if (/^SpanLink #\d+/.test(line) && span) return void span.links.push({ traceId: '', spanId: '', traceState: '', attributes: [], droppedAttributesCount: null, flags: null });
    const field = FIELD.exec(line);
    if (field && span && section === 'span') return void span.fields.set(field[1]!, field[2]!.trim());
    const attr = ATTR.exec(line);
    if (attr) {
      const kv = { key: attr[2]!, value: typed(attr[3]!, attr[4]!) };
      const nested = attr[1]!.length > 6;
      if (section === 'resource' && resourceAttrs) resourceAttrs.push(kv);
      else if (section === 'events' && nested && span?.events.length) span.events[span.events.length - 1]!.attributes.push(kv);
      else if (section === 'links' && nested && span?.links.length) span.links[span.links.length - 1]!.attributes.push(kv);
      else if (span) span.attributes.push(kv);
      return;
    }
    const sub = SUB.exec(line);
    if (sub && span && (section === 'events' || section === 'links')) {
      const [key, val] = [sub[1]!, sub[2]!.trim()];
      if (section === 'events' && span.events.length) {
        const e = span.events[span.events.length - 1]!;
        span.events[span.events.length - 1] = { ...e, ...(key === 'Name' ? { name: val } : key === 'Timestamp' ? { timeNs: time(val) } : {}) };
      } else if (section === 'links' && span.links.length) {
        const l = span.links[span.links.length - 1]!;
        span.links[span.links.length - 1] = { ...l, ...(key === 'Trace ID' ? { traceId: normalizeTextId(val, 16).hex } : key === 'ID' ? { spanId: normalizeTextId(val, 8).hex } : key === 'TraceState' ? { traceState: val } : {}) };
      }
      return;
    }
    if (line.trim() !== '' && !/SchemaURL:/.test(line)) numSkipped++;
  });
  flush();
  return numSkipped;
}

export const collectorDebug: Decoder = {
  format: 'collector-debug',
  sniff(input) {
    const text = sniffableText(input.text);
    return /ResourceSpans #\d+/.test(text) && /\n[^\S\n]+Trace ID\s+: [0-9a-f]{32}/.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    let numSkipped = 0;
    for (const stream of splitTextStreams(input.text()).streams) numSkipped += decodeCollectorLines(stream, sink);
    if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not part of a span (collector log lines)`, where: 'whole input', severity: 'info' });
  },
};
