// Java `io.opentelemetry.exporter.logging.LoggingSpanExporter` (opentelemetry-java exporters/logging): one
// java.util.logging INFO record per span,
//   'name' : <traceId> <spanId> <KIND> [tracer: <scope name>:<scope version>] <attributes>
// where <attributes> is Attributes.toString(): `AttributesMap{data={k=v, …}, capacity=128, totalAddedValues=N}`
// in SDK 1.x, `{k="v", k2=9}` in earlier releases. The record sits after whatever prefix the log handler
// writes (`INFO: `, a javaagent `[otel.javaagent …] INFO … - `, logcat columns). The line carries no parent
// span id, start/end times, status, events, links, resource or trace flags: the model gets roots without
// times, and an info issue says so. Attribute types are inferred from the text (toString() drops them).
import type { KeyValue } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import type { Decoder } from './types.ts';
import { lastLineBreak } from './text/clean.ts';
import { consoleLines, sniffableText } from './text/streams.ts';
import { inferScalar } from './text/infer-value.ts';

const KINDS: Record<string, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
/** What follows a span's quoted name, up to its tracer. */
const MARK = /' : ([0-9a-f]{32}) ([0-9a-f]{16}) (INTERNAL|SERVER|CLIENT|PRODUCER|CONSUMER) \[tracer: /g;
/** What follows the tracer: its attributes. */
const ATTRIBUTES_START = /\] (?:AttributesMap)?\{/g;

export interface SpanLine {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly kind: string;
  readonly tracer: string;
  readonly attributes: string;
}

/**
 * One LoggingSpanExporter line, read as the pattern
 * `/'(.*)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (KIND) \[tracer: (.*?)\] ((?:AttributesMap)?\{.*\})\s*$/` read it,
 * in linear time: that pattern backtracked from each quote of a line, so a line of many quotes cost time
 * quadratic in its length (40,000 quotes took 1 s). The name (which may hold anything) runs from the quote
 * the pattern started at to the last marker that an attribute map still follows; the tracer is the shortest
 * run after it.
 */
export function spanLine(line: string): SpanLine | null {
  const t = line.trimEnd();
  if (!t.endsWith('}')) return null;
  // Every character from the opening quote on is in the name, a marker, the tracer or the attributes, none
  // of which holds a line break (`.` matches none): the name opens at the first quote after the last break.
  const first = t.indexOf("'", lastLineBreak(t) + 1);
  if (first < 0) return null;
  const starts: number[] = [];
  ATTRIBUTES_START.lastIndex = first;
  for (let s = ATTRIBUTES_START.exec(t); s !== null; s = ATTRIBUTES_START.exec(t)) starts.push(s.index);
  if (starts.length === 0) return null;
  const last = starts[starts.length - 1]!;
  let mark: RegExpExecArray | null = null;
  MARK.lastIndex = first + 1;
  for (let m = MARK.exec(t); m !== null && m.index + m[0].length <= last; m = MARK.exec(t)) mark = m;
  if (mark === null) return null;
  const tracerStart = mark.index + mark[0].length;
  const end = starts.find((s) => s >= tracerStart)!;
  return { name: t.slice(first + 1, mark.index), traceId: mark[1]!, spanId: mark[2]!, kind: mark[3]!, tracer: t.slice(tracerStart, end), attributes: t.slice(end + 2) };
}

/** `k=v, k2=v2` where values may themselves contain ", " (user agents): split only before `key=`. */
function parseEntries(body: string): KeyValue[] {
  if (body.trim() === '') return [];
  return body.split(/, (?=[\w.\-/]+=)/).map((entry) => {
    const eq = entry.indexOf('=');
    const raw = entry.slice(eq + 1);
    // Before AttributesMap, strings were printed quoted.
    const quoted = /^"(.*)"$/.exec(raw);
    return { key: entry.slice(0, eq), value: quoted ? { type: 'string' as const, value: quoted[1]! } : inferScalar(raw) };
  });
}

function parseAttributes(text: string): { attributes: KeyValue[]; numDropped: number | null } {
  const map = /^AttributesMap\{data=\{(.*)\}, capacity=\d+, totalAddedValues=(\d+)\}$/.exec(text);
  if (map) {
    const attributes = parseEntries(map[1]!);
    // totalAddedValues counts every attribute set, kept or not (AttributesMap in opentelemetry-java sdk/trace).
    const numDropped = Number(map[2]) - attributes.length;
    return { attributes, numDropped: numDropped >= 0 ? numDropped : null };
  }
  return { attributes: parseEntries(text.replace(/^\{|\}$/g, '')), numDropped: null };
}

export const javaLogging: Decoder = {
  format: 'java-logging',
  sniff(input) {
    const text = sniffableText(input.text);
    return /' : [0-9a-f]{32} [0-9a-f]{16} (INTERNAL|SERVER|CLIENT|PRODUCER|CONSUMER) \[tracer: /.test(text) ? 0.8 : 0;
  },
  decode(input, sink) {
    let numSkipped = 0;
    let numSpans = 0;
    const resourceIdx = sink.addResource({ attributes: [], droppedAttributesCount: null, schemaUrl: '' });
    const { lines, lineNos } = consoleLines(input.text());
    lines.forEach((line, i) => {
      const m = spanLine(line);
      if (!m) {
        if (line.trim() !== '') numSkipped++;
        return;
      }
      const tracer = m.tracer;
      const colon = tracer.lastIndexOf(':');
      const scopeIdx = sink.addScope({ name: colon < 0 ? tracer : tracer.slice(0, colon), version: colon < 0 ? '' : tracer.slice(colon + 1), attributes: [], droppedAttributesCount: null, schemaUrl: '' });
      const { attributes, numDropped } = parseAttributes(m.attributes);
      numSpans++;
      sink.addSpan({
        traceId: m.traceId, spanId: m.spanId, parentSpanId: '', traceState: '', flags: null, name: m.name, kind: KINDS[m.kind] ?? 0,
        startNs: 0n, endNs: 0n, attributes, droppedAttributesCount: numDropped,
        events: [], droppedEventsCount: null, links: [], droppedLinksCount: null, status: { code: 0, message: '' },
        resourceIdx, scopeIdx, where: `line ${lineNos[i]}`,
        quirks: Quirk.NO_FLAGS | Quirk.NO_TIMES | Quirk.NO_PARENTS | Quirk.NO_RESOURCE | (numDropped === null ? Quirk.NO_DROPPED_COUNTS : 0),
      });
    });
    if (numSpans > 0) {
      sink.issue({
        message: 'LoggingSpanExporter lines carry no parent span id, start/end time, status, events, links, resource or trace flags: ' +
          'every span is shown as a root without times, and attribute types are guessed from their text',
        where: 'whole input', severity: 'info',
      });
    }
    if (numSkipped > 0) sink.issue({ message: `skipped ${numSkipped} lines that are not spans (log output)`, where: 'whole input', severity: 'info' });
  },
};
