// Statistics per service and per span name: count, total and self time, p50/p95/max duration, errors — for
// one trace or for everything loaded. Self time is a span's duration minus its children's (model/details).
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { RowFlag } from '../model/assemble.ts';
import { selfTime } from '../model/details.ts';

export interface StatRow {
  readonly service: string;
  readonly name: string;
  readonly count: number;
  readonly totalMs: number;
  readonly selfMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly errors: number;
}

const rank = (sorted: readonly number[], p: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!);

export function spanStats(ds: Dataset, traces: readonly TraceModel[]): StatRow[] {
  const acc = new Map<string, { service: string; name: string; durations: number[]; selfNs: number; errors: number }>();
  for (const trace of traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const s = ds.span(spanIdx);
      const service = ds.services[ds.spanService[spanIdx]!]!;
      const key = `${service}\u0000${s.name}`;
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { service, name: s.name, durations: [], selfNs: 0, errors: 0 }));
      a.durations.push(s.endNs > s.startNs ? Number(s.endNs - s.startNs) : 0);
      if (s.endNs > 0n) a.selfNs += Number(selfTime(ds, trace, row));
      if (trace.flags[row]! & RowFlag.ERROR) a.errors++;
    }
  }
  return [...acc.values()].map((a) => {
    const sorted = a.durations.sort((x, y) => x - y);
    return {
      service: a.service, name: a.name, count: sorted.length,
      totalMs: sorted.reduce((n, d) => n + d, 0) / 1e6, selfMs: a.selfNs / 1e6,
      p50Ms: rank(sorted, 0.5) / 1e6, p95Ms: rank(sorted, 0.95) / 1e6, maxMs: (sorted.at(-1) ?? 0) / 1e6, errors: a.errors,
    };
  }).sort((x, y) => y.selfMs - x.selfMs);
}
