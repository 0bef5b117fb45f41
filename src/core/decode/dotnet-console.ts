// .NET `OpenTelemetry.Exporter.Console` (ConsoleActivityExporter): one block of `Activity.Field: value` lines
// per span, padded to a column, ended by an empty line (opentelemetry-dotnet
// src/OpenTelemetry.Exporter.Console/ConsoleActivityExporter.cs). Tags, event and link attributes and
// resource attributes are indented `key: value` lines printed with ToString(): tag types are inferred from
// the text (integers, booleans), resource values are kept as strings. Times: StartTime is UTC with 7 fraction digits (100 ns ticks); Duration is a TimeSpan
// `[d.]hh:mm:ss[.fffffff]`; event timestamps are DateTimeOffset.ToString() in the machine's culture (read
// when ISO-8601 or en-US). Releases before 1.0 printed `Activity.Id: 00-<trace>-<span>-<flags>` instead of
// TraceId/SpanId and `Activity.TagObjects:`; those are read too. The format has no dropped counts.
import type { KeyValue, SpanEvent, SpanLink, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { isoToUnixNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { hasLineBreak } from './text/clean.ts';
import { consoleLines, sniffableText } from './text/streams.ts';
import { inferScalar } from './text/infer-value.ts';

const KINDS: Record<string, number> = { Internal: 1, Server: 2, Client: 3, Producer: 4, Consumer: 5 };
const STATUS: Record<string, number> = { Unset: 0, Ok: 1, Error: 2, UNSET: 0, OK: 1, ERROR: 2 };
// `(?=(\s*))\2` is an atomic `\s*`: what it takes it keeps, so the value's `.*` cannot trade blanks with it
// (that trade made a long line of blanks cost time quadratic in its length; see src/core/README.md).
export const FIELD = /^Activity\.([A-Za-z]+):(?=(\s*))\2(.*)$/;
const SECTION = /^(Activity\.Tags|Activity\.TagObjects|Activity\.Events|Activity\.Links|Resource associated with Activity|Instrumentation scope \(ActivitySource\)):\s*$/;
/** An indented `key: value`; the indent is atomic as in FIELD (a key of blanks alone is not one). */
export const KV = /^(?=(\s+))\1([^:]+?):\s?(.*)$/;
export const STATUS_DESCRIPTION = /^\s+Activity\.StatusDescription:(?=(\s*))\1(.*)$/;

/** TimeSpan.ToString() "c" format: [-][d.]hh:mm:ss[.fffffff] → exact ns. */
export function timeSpanToNanos(text: string): bigint | null {
  const m = /^(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(text.trim());
  if (!m) return null;
  const seconds = BigInt(m[1] ?? 0) * 86400n + BigInt(m[2]!) * 3600n + BigInt(m[3]!) * 60n + BigInt(m[4]!);
  return seconds * 1_000_000_000n + BigInt((m[5] ?? '').padEnd(7, '0')) * 100n;
}

/**
 * An indented `name [time]` line of Activity.Events, as `/^\s+(.*) \[(.*)\]\s*$/` read it, without its
 * backtracking (quadratic in a line of many ` [`): the name runs to the last ` [` (names may hold brackets)
 * and the time to the last `]`; neither may hold a line break (`.` does not match one).
 */
export function eventLine(line: string): { name: string; time: string } | null {
  const t = line.trimEnd();
  if (!/^\s/.test(t) || !t.endsWith(']')) return null;
  const open = t.lastIndexOf(' [', t.length - 3);
  if (open < 1) return null;
  const indent = t.length - t.trimStart().length;
  const from = Math.min(indent, open);
  // Name, ` [` and time: none may hold a line break.
  return hasLineBreak(t.slice(from, -1)) ? null : { name: t.slice(from, open), time: t.slice(open + 2, -1) };
}

/** DateTimeOffset.ToString(): ISO-8601, or en-US "3/29/2023 4:54:25 PM +00:00". Null when neither. */
function eventTime(text: string): bigint | null {
  const iso = isoToUnixNanos(text);
  if (iso !== null) return iso;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))? ([+-]\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[4]) % (m[7] ? 12 : 24);
  if (m[7] === 'PM') hour += 12;
  const pad = (n: number | string): string => String(n).padStart(2, '0');
  return isoToUnixNanos(`${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}T${pad(hour)}:${m[5]}:${m[6]}${m[8]}`);
}

type Section = 'tags' | 'events' | 'links' | 'resource' | 'scope' | 'none';

interface Draft {
  fields: Map<string, string>;
  tags: KeyValue[];
  events: Array<SpanEvent & { attributes: KeyValue[] }>;
  links: Array<SpanLink & { attributes: KeyValue[] }>;
  resource: KeyValue[];
  scope: Map<string, string>;
  lineNo: number;
}

function emit(d: Draft, sink: SpanSink): void {
  const f = d.fields;
  let traceId = f.get('TraceId') ?? '';
  let spanId = f.get('SpanId') ?? '';
  let flagsText = f.get('TraceFlags');
  const w3c = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(f.get('Id') ?? '');
  if (w3c) [traceId, spanId, flagsText] = [w3c[1]!, w3c[2]!, w3c[3] === '01' ? 'Recorded' : 'None'];
  const flags = flagsText === undefined ? null : /Recorded/.test(flagsText) ? 1 : 0;
  const sourceName = f.get('ActivitySourceName') ?? d.scope.get('Name');
  const startNs = isoToUnixNanos(f.get('StartTime') ?? '') ?? 0n;
  const durNs = timeSpanToNanos(f.get('Duration') ?? '');
  const statusText = f.get('StatusCode') ?? '';
  const resourceIdx = sink.addResource({ attributes: d.resource, droppedAttributesCount: null, schemaUrl: '' });
  const scopeIdx = sink.addScope({ name: sourceName ?? '', version: f.get('ActivitySourceVersion') ?? d.scope.get('Version') ?? '', attributes: [], droppedAttributesCount: null, schemaUrl: '' });
  sink.addSpan({
    traceId: normalizeTextId(traceId, 16).hex, spanId: normalizeTextId(spanId, 8).hex, parentSpanId: normalizeTextId(f.get('ParentSpanId') ?? '', 8).hex,
    traceState: f.get('TraceState') ?? '', flags, name: f.get('DisplayName') ?? '', kind: KINDS[f.get('Kind') ?? ''] ?? 0,
    startNs, endNs: startNs > 0n && durNs !== null ? startNs + durNs : 0n,
    attributes: d.tags, droppedAttributesCount: null, events: d.events, droppedEventsCount: null, links: d.links, droppedLinksCount: null,
    status: { code: STATUS[statusText] ?? 0, message: f.get('StatusDescription') ?? '' },
    resourceIdx, scopeIdx, where: `line ${d.lineNo}`,
    quirks: Quirk.NO_DROPPED_COUNTS | (flags === null ? Quirk.NO_FLAGS : 0) | (sourceName === undefined ? Quirk.NO_SCOPE : 0),
  });
}

export const dotnetConsole: Decoder = {
  format: 'dotnet-console',
  sniff(input) {
    const text = sniffableText(input.text);
    return /^Activity\.(TraceId:\s+[0-9a-f]{32}|Id:\s+00-[0-9a-f]{32}-)/m.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    let draft: Draft | null = null;
    let section: Section = 'none';
    let numSkipped = 0;
    let numUnreadTimes = 0;
    const flush = (): void => {
      if (draft) emit(draft, sink);
      draft = null;
    };
    const { lines, lineNos } = consoleLines(input.text());
    lines.forEach((line, i) => {
      if (/^Activity\.(TraceId|Id):/.test(line)) {
        flush();
        draft = { fields: new Map(), tags: [], events: [], links: [], resource: [], scope: new Map(), lineNo: lineNos[i]! };
        section = 'none';
      }
      const d: Draft | null = draft;
      if (!d) {
        if (line.trim() !== '') numSkipped++;
        return;
      }
      if (line.trim() === '') return void flush();
      const sec = SECTION.exec(line);
      if (sec) {
        const name = sec[1]!;
        section = name.startsWith('Resource') ? 'resource' : name.startsWith('Instrumentation') ? 'scope' : name === 'Activity.Events' ? 'events' : name === 'Activity.Links' ? 'links' : 'tags';
        return;
      }
      const field = FIELD.exec(line);
      if (field) {
        d.fields.set(field[1]!, field[3]!.trim());
        section = 'none';
        return;
      }
      // StatusCode is printed at column 0 (Activity.Status) or indented under the tags (otel.status_code tag).
      const status = /^\s*StatusCode:\s*(\S+)/.exec(line);
      if (status) return void d.fields.set('StatusCode', status[1]!);
      const desc = STATUS_DESCRIPTION.exec(line);
      if (desc) return void d.fields.set('StatusDescription', desc[2]!);
      const deep = /^ {8}/.test(line);
      if (section === 'events' && !deep) {
        const e = eventLine(line);
        if (e) {
          const t = eventTime(e.time);
          if (t === null) numUnreadTimes++;
          d.events.push({ name: e.name, timeNs: t ?? 0n, attributes: [], droppedAttributesCount: null });
          return;
        }
      }
      if (section === 'links' && !deep) {
        const l = /^\s+([0-9a-f]{32}) ([0-9a-f]{16})\s*$/.exec(line);
        if (l) return void d.links.push({ traceId: l[1]!, spanId: l[2]!, traceState: '', attributes: [], droppedAttributesCount: null, flags: null });
      }
      const kv = KV.exec(line);
      if (kv && section !== 'none') {
        const attr = { key: kv[2]!, value: inferScalar(kv[3]!) };
        if (section === 'tags') d.tags.push(attr);
        // Resource values are kept as printed: service.name and friends are strings even when they look numeric.
        else if (section === 'resource') d.resource.push({ key: attr.key, value: { type: 'string', value: kv[3]! } });
        else if (section === 'scope') d.scope.set(kv[2]!, kv[3]!);
        else if (section === 'events' && d.events.length) d.events[d.events.length - 1]!.attributes.push(attr);
        else if (section === 'links' && d.links.length) d.links[d.links.length - 1]!.attributes.push(attr);
        return;
      }
      // A line that is not part of the block (program output interleaved): the block ends here.
      flush();
      numSkipped++;
    });
    flush();
    if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not spans (program output)`, where: 'whole input', severity: 'info' });
    if (numUnreadTimes > 0) sink.issue({ message: `${numUnreadTimes} event timestamps are in a culture-specific format Tracelens cannot read; they are left empty`, where: 'whole input', severity: 'warning' });
  },
};
