// In-trace search, the replacement for the browser's find-in-page that virtualized rows break: a
// case-insensitive substring over span names, services, span/parent ids, attribute keys and values (span,
// resource, event), event names and status messages. Returns matching rows in waterfall order.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { anyValueText, type KeyValue } from '../model/records.ts';

/**
 * Answers "does this text contain the needle?" once per distinct string: span names, attribute keys and most
 * values repeat across spans (and are shared, core/model/intern.ts), so a search over a million rows
 * lowercases each distinct one once instead of once per row. Long texts are tested directly, not cached.
 */
class Matcher {
  private readonly seen = new Map<string, boolean>();
  constructor(private readonly needle: string) {}

  text(s: string): boolean {
    if (s.length > 64) return s.toLowerCase().includes(this.needle);
    let hit = this.seen.get(s);
    if (hit === undefined) {
      hit = s.toLowerCase().includes(this.needle);
      // Unique values (ids, counters) would only fill the cache: stop adding once it is large.
      if (this.seen.size < 200_000) this.seen.set(s, hit);
    }
    return hit;
  }

  attributes(attributes: readonly KeyValue[]): boolean {
    for (const kv of attributes) {
      if (this.text(kv.key)) return true;
      const v = kv.value;
      if (v.type === 'string' ? this.text(v.value) : anyValueText(v).toLowerCase().includes(this.needle)) return true;
    }
    return false;
  }
}

export function searchTrace(ds: Dataset, trace: TraceModel, text: string): Int32Array {
  const needle = text.trim().toLowerCase();
  if (needle === '') return new Int32Array(0);
  const m = new Matcher(needle);
  const resourceMatches = ds.resources.map((r) => m.attributes(r.attributes));
  const serviceMatches = ds.services.map((s) => m.text(s));
  const out: number[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    const s = ds.spans[spanIdx]!;
    if (
      m.text(s.name) ||
      serviceMatches[ds.spanService[spanIdx]!] ||
      s.spanId.includes(needle) ||
      s.parentSpanId.includes(needle) ||
      (s.status.message !== '' && m.text(s.status.message)) ||
      resourceMatches[s.resourceIdx] ||
      m.attributes(s.attributes) ||
      s.events.some((e) => m.text(e.name) || m.attributes(e.attributes))
    ) {
      out.push(row);
    }
  }
  return Int32Array.from(out);
}
