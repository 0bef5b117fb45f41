// In-trace search, the replacement for the browser's find-in-page that virtualized rows break: a
// case-insensitive substring over span names, services, span/parent ids, attribute keys and values (span,
// resource, event), event names and status messages. Returns matching rows in waterfall order.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { anyValueText, type KeyValue } from '../model/records.ts';

function attributesMatch(attributes: readonly KeyValue[], needle: string): boolean {
  for (const kv of attributes) {
    if (kv.key.toLowerCase().includes(needle) || anyValueText(kv.value).toLowerCase().includes(needle)) return true;
  }
  return false;
}

export function searchTrace(ds: Dataset, trace: TraceModel, text: string): Int32Array {
  const needle = text.trim().toLowerCase();
  if (needle === '') return new Int32Array(0);
  const resourceMatches = ds.resources.map((r) => attributesMatch(r.attributes, needle));
  const serviceMatches = ds.services.map((s) => s.toLowerCase().includes(needle));
  const out: number[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    const s = ds.spans[spanIdx]!;
    if (
      s.name.toLowerCase().includes(needle) ||
      serviceMatches[ds.spanService[spanIdx]!] ||
      s.spanId.includes(needle) ||
      s.parentSpanId.includes(needle) ||
      s.status.message.toLowerCase().includes(needle) ||
      resourceMatches[s.resourceIdx] ||
      attributesMatch(s.attributes, needle) ||
      s.events.some((e) => e.name.toLowerCase().includes(needle) || attributesMatch(e.attributes, needle))
    ) {
      out.push(row);
    }
  }
  return Int32Array.from(out);
}
