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
import { consoleLines, sniffableText } from './text/streams.ts';
import { inferScalar } from './text/infer-value.ts';

const KINDS: Record<string, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
const LINE = /'(.*)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (INTERNAL|SERVER|CLIENT|PRODUCER|CONSUMER) \[tracer: (.*?)\] ((?:AttributesMap)?\{.*\})\s*$/;

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
      const m = LINE.exec(line);
      if (!m) {
        if (line.trim() !== '') numSkipped++;
        return;
      }
      const tracer = m[5]!;
      const colon = tracer.lastIndexOf(':');
      const scopeIdx = sink.addScope({ name: colon < 0 ? tracer : tracer.slice(0, colon), version: colon < 0 ? '' : tracer.slice(colon + 1), attributes: [], droppedAttributesCount: null, schemaUrl: '' });
      const { attributes, numDropped } = parseAttributes(m[6]!);
      numSpans++;
      sink.addSpan({
        traceId: m[2]!, spanId: m[3]!, parentSpanId: '', traceState: '', flags: null, name: m[1]!, kind: KINDS[m[4]!] ?? 0,
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
