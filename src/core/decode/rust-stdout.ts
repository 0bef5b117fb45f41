// Rust `opentelemetry-stdout` SpanExporter, human-readable form (0.26+, modelled on the collector's debug
// exporter; opentelemetry-rust opentelemetry-stdout/src/trace/exporter.rs): a `Spans` header, a `Resource`
// list (` ->  key=Debug(value)`, printed once per exporter), then per span `Span #n`, an `Instrumentation
// Scope` block, and tab-indented `Name        : …` fields; `Attributes:` / `Events:` / `Links:` with
// ` ->  key: Debug(value)` lines. Values are Rust Debug text (`String(Owned("x"))`, `I64(200)`, `F64(1.5)`,
// `Bool(true)`, `Array(I64([1, 2]))`); times are UTC with microseconds ("%Y-%m-%d %H:%M:%S%.6f"), so they
// are exact to the microsecond only. `Metrics` / `Logs` sections from the same crate are skipped. Earlier
// releases printed OTLP-like JSON, which the otlp-json decoder reads. Indentation is not relied on (docs
// render the tabs as spaces): fields are told apart by name and by which section they follow.
import type { AnyValue, KeyValue, SpanEvent, SpanLink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { isoToUnixNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { consoleLines, sniffableText } from './text/streams.ts';

const KINDS: Record<string, number> = { Internal: 1, Server: 2, Client: 3, Producer: 4, Consumer: 5 };
const FIELD = /^(Name|TraceId|SpanId|TraceFlags|ParentSpanId|Kind|Start time|End time|Status|Version|SchemaUrl|Timestamp|Dropped attributes count)\s*:\s?(.*)$/;

/** The inner text of a Rust Debug string literal ("a\"b") as the string it denotes. */
function debugString(quoted: string): string {
  try {
    return JSON.parse(quoted.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_m, hex: string) => JSON.stringify(String.fromCodePoint(parseInt(hex, 16))).slice(1, -1))) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

const STRING_ITEM = /(?:Owned|Static|RefCounted)\(("(?:[^"\\]|\\.)*")\)/g;

/** opentelemetry::Value's Debug text → AnyValue; anything unrecognised is kept as its text. */
export function rustValue(text: string): AnyValue {
  const t = text.trim();
  const str = /^String\((?:Owned|Static|RefCounted)\(("(?:[^"\\]|\\.)*")\)\)$/.exec(t);
  if (str) return { type: 'string', value: debugString(str[1]!) };
  const scalar = /^(I64|Int|F64|Double|Bool)\((.*)\)$/.exec(t);
  if (scalar) {
    const [, kind, v] = scalar as unknown as [string, string, string];
    if (kind === 'Bool') return { type: 'bool', value: v === 'true' };
    if (kind === 'I64' || kind === 'Int') return /^-?\d+$/.test(v) ? { type: 'int', value: v } : { type: 'string', value: t };
    return { type: 'double', value: Number(v) };
  }
  const arr = /^Array\((I64|F64|Bool|String)\(\[(.*)\]\)\)$/.exec(t);
  if (arr) {
    const [, kind, body] = arr as unknown as [string, string, string];
    if (kind === 'String') return { type: 'array', values: [...body.matchAll(STRING_ITEM)].map((m) => ({ type: 'string', value: debugString(m[1]!) })) };
    const items = body.trim() === '' ? [] : body.split(', ');
    return { type: 'array', values: items.map((x) => rustValue(`${kind}(${x})`)) };
  }
  return { type: 'string', value: t };
}

/**
 * `-> key: value`. `(?=(\s+))\1` is an atomic `\s+`: the key's `[^:]+?` cannot take blanks back from it, a
 * trade that made a long line of blanks cost time quadratic in its length (a key of blanks alone is not one).
 */
export const ARROW_KV = /^->(?=(\s+))\1([^:]+?): (.*)$/;
export const ARROW_KEY = /^->(?=(\s+))\1[^:]+?: /;

function kv(line: string, sep: ':' | '='): KeyValue | null {
  if (sep === ':') {
    const m = ARROW_KV.exec(line);
    return m ? { key: m[2]!, value: rustValue(m[3]!) } : null;
  }
  const m = /^(?:->\s+)?([^=\s]+)=(.*)$/.exec(line);
  return m ? { key: m[1]!, value: rustValue(m[2]!) } : null;
}

/** "2025-03-11 00:47:26.687497" (UTC) → ns. */
const time = (text: string): bigint => isoToUnixNanos(`${text.trim()}Z`) ?? isoToUnixNanos(text) ?? 0n;

function status(text: string): { code: number; message: string } {
  if (text === 'Ok') return { code: 1, message: '' };
  const err = /^Error \{ description: ("(?:[^"\\]|\\.)*") \}$/.exec(text);
  if (err) return { code: 2, message: debugString(err[1]!) };
  return { code: 0, message: '' };
}

type Section = 'skip' | 'other-signal' | 'resource' | 'scope' | 'span' | 'attributes' | 'event' | 'link';

interface Draft {
  fields: Map<string, string>;
  scope: Map<string, string>;
  scopeAttributes: KeyValue[];
  attributes: KeyValue[];
  events: Array<SpanEvent & { attributes: KeyValue[] }>;
  links: Array<SpanLink & { attributes: KeyValue[] }>;
  lineNo: number;
}

export const rustStdout: Decoder = {
  format: 'rust-stdout',
  sniff(input) {
    const text = sniffableText(input.text);
    // Blanks are `[^\S\n\r\u2028\u2029]` (any but a line break), not `\s`: with the m flag, `^\s*` at each of
    // many blank lines ran over all the others, quadratic in the sniffed text.
    return /^Span #\d+[^\S\n]*$/m.test(text)
      && /^[^\S\n\r\u2028\u2029]*Instrumentation Scope[^\S\n\r\u2028\u2029]*$/m.test(text)
      && /^[^\S\n\r\u2028\u2029]*TraceId[^\S\n\r\u2028\u2029]*: [0-9a-f]{32}[^\S\n\r\u2028\u2029]*$/m.test(text) ? 0.85 : 0;
  },
  decode(input, sink) {
    let resource: KeyValue[] = [];
    let resourceSchema = '';
    let section: Section = 'skip';
    let draft: Draft | null = null;
    let numSkipped = 0;
    const numOtherSections = { Metrics: 0, Logs: 0 };
    const flush = (): void => {
      const d: Draft | null = draft;
      draft = null;
      if (!d) return;
      const f = d.fields;
      const flagsText = /^TraceFlags\((\d+)\)$/.exec(f.get('TraceFlags') ?? '');
      const parent = f.get('ParentSpanId') ?? '';
      const scopeName = d.scope.get('Name');
      const unquote = (v: string | undefined): string => (v === undefined ? '' : /^".*"$/.test(v) ? debugString(v) : v);
      const resourceIdx = sink.addResource({ attributes: resource, droppedAttributesCount: null, schemaUrl: resourceSchema });
      const scopeIdx = sink.addScope({ name: unquote(scopeName), version: unquote(d.scope.get('Version')), attributes: d.scopeAttributes, droppedAttributesCount: null, schemaUrl: unquote(d.scope.get('SchemaUrl')) });
      const dropped = f.has('Dropped attributes count') ? Number(f.get('Dropped attributes count')) : null;
      sink.addSpan({
        traceId: normalizeTextId(f.get('TraceId') ?? '', 16).hex, spanId: normalizeTextId(f.get('SpanId') ?? '', 8).hex,
        parentSpanId: /^[0-9a-f]{16}$/.test(parent) && !/^0{16}$/.test(parent) ? parent : '', traceState: '',
        flags: flagsText ? Number(flagsText[1]) : null, name: f.get('Name') ?? '', kind: KINDS[f.get('Kind') ?? ''] ?? 0,
        startNs: time(f.get('Start time') ?? ''), endNs: time(f.get('End time') ?? ''),
        attributes: d.attributes, droppedAttributesCount: dropped, events: d.events, droppedEventsCount: null, links: d.links, droppedLinksCount: null,
        status: status(f.get('Status') ?? ''), resourceIdx, scopeIdx, where: `line ${d.lineNo}`,
        quirks: Quirk.NO_DROPPED_COUNTS | (flagsText ? 0 : Quirk.NO_FLAGS) | (scopeName === undefined ? Quirk.NO_SCOPE : 0),
      });
    };
    const { lines, lineNos } = consoleLines(input.text());
    lines.forEach((raw, i) => {
      const line = raw.trim();
      // The exporter prints an empty line after the Instrumentation Scope block, before the span's fields.
      if (line === '') return void (section === 'scope' && (section = 'span'));
      if (line === 'Spans' || line === 'Metrics' || line === 'Logs') {
        flush();
        if (line !== 'Spans') numOtherSections[line]++;
        section = line === 'Spans' ? 'span' : 'other-signal';
        return;
      }
      if (section === 'other-signal') return;
      if (section === 'skip') return void numSkipped++;
      if (line === 'Resource') {
        resource = [];
        resourceSchema = '';
        section = 'resource';
        return;
      }
      if (/^Span #\d+$/.test(line)) {
        flush();
        draft = { fields: new Map(), scope: new Map(), scopeAttributes: [], attributes: [], events: [], links: [], lineNo: lineNos[i]! };
        section = 'span';
        return;
      }
      const d: Draft | null = draft;
      if (section === 'resource') {
        const schema = /^Resource SchemaUrl: (.*)$/.exec(line);
        if (schema) resourceSchema = debugString(schema[1]!.replace(/^Some\((.*)\)$/, '$1'));
        const attr = schema ? null : kv(line, '=');
        if (attr) resource.push(attr);
        else if (!schema) numSkipped++;
        return;
      }
      if (!d) return void numSkipped++;
      if (line === 'Instrumentation Scope') return void (section = 'scope');
      if (line === 'Scope Attributes:') return;
      if (line === 'Attributes:') {
        if (section === 'scope' || section === 'span') section = 'attributes';
        return;
      }
      if (line === 'Events:' || line === 'Links:') return;
      if (/^Event #\d+$/.test(line)) {
        d.events.push({ timeNs: 0n, name: '', attributes: [], droppedAttributesCount: null });
        return void (section = 'event');
      }
      if (/^Link #\d+$/.test(line)) {
        d.links.push({ traceId: '', spanId: '', traceState: '', attributes: [], droppedAttributesCount: null, flags: null });
        return void (section = 'link');
      }
      if (line.startsWith('->')) {
        const attr = kv(line, ':');
        const event = d.events[d.events.length - 1];
        const link = d.links[d.links.length - 1];
        if (!attr) numSkipped++;
        else if (section === 'scope') d.scopeAttributes.push({ key: attr.key, value: { type: 'string', value: line.replace(ARROW_KEY, '') } });
        else if (section === 'event' && event) event.attributes.push(attr);
        else if (section === 'link' && link) link.attributes.push(attr);
        else d.attributes.push(attr);
        return;
      }
      const field = FIELD.exec(line);
      if (!field) return void numSkipped++;
      const [, key, val] = field as unknown as [string, string, string];
      if (section === 'scope' && (key === 'Version' || key === 'SchemaUrl' || (key === 'Name' && !d.scope.has('Name')))) return void d.scope.set(key, val.trim());
      if (section === 'event' && d.events.length) {
        const e = d.events[d.events.length - 1]!;
        if (key === 'Name') d.events[d.events.length - 1] = { ...e, name: val.trim() };
        else if (key === 'Timestamp') d.events[d.events.length - 1] = { ...e, timeNs: time(val) };
        return;
      }
      if (section === 'link' && d.links.length) {
        const l = d.links[d.links.length - 1]!;
        if (key === 'TraceId') d.links[d.links.length - 1] = { ...l, traceId: normalizeTextId(val.trim(), 16).hex };
        else if (key === 'SpanId') d.links[d.links.length - 1] = { ...l, spanId: normalizeTextId(val.trim(), 8).hex };
        return;
      }
      section = 'span';
      d.fields.set(key, val.trim());
    });
    flush();
    if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not part of a span`, where: 'whole input', severity: 'info' });
    for (const [what, n] of Object.entries(numOtherSections)) {
      if (n > 0) sink.issue({ message: `skipped ${n} ${what} section${n === 1 ? '' : 's'} (the stdout exporter's other signals): not spans`, where: 'whole input', severity: 'info' });
    }
  },
};
