// Timing rules: durations and times that look wrong (../shared/RULES.md, lifecycle family).
// Sources: OTel spec trace/api.md §Add Events; Jaeger's ClockSkew adjuster; Honeycomb; the seed guide.
import { SpanKind } from '../../model/records.ts';
import { datasetRule, forEachChildOfParent, reportRow, sameProcess, spanAt, spanRule, traceRule } from './define.ts';
import { resourceString } from './span-facts.ts';

const HOUR_MS = 3_600_000;

/**
 * The nearest-rank percentile of `sorted` with one occurrence of `value` left out, without copying: O(log n)
 * per span instead of a copy per span (which was quadratic in the size of a (service, name) group).
 */
export function percentileWithout(sorted: readonly number[], value: number, p: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const idx = Math.max(0, Math.ceil(p * (sorted.length - 1)) - 1);
  // Elements before the removed one keep their index; from it on, each shifts down by one.
  return idx < lo ? sorted[idx]! : sorted[idx + 1]!;
}

export const spanVeryLong = datasetRule({
  id: 'span-very-long', category: 'lifecycle', severity: 'info',
  learn: 'Very long spans hide detail and export late.',
  why: 'A span is exported only when it ends, so an hour-long span shows up an hour late (or never, if the process dies first), and one bar over a long job says little about what happened inside it. A span far longer than its usual duration (many times the p99 of its service and name) is worth a look: a hang, a retry loop, or End() called late. Split long jobs into shorter spans or linked traces.',
  source: 'seed guide',
}, (ctx) => {
  const maxMs = ctx.threshold('maxMs', HOUR_MS);
  const factor = ctx.threshold('p99Factor', 10);
  // The p99 is taken over the other spans of the same (service, name), so an outlier cannot raise its own bar;
  // with fewer than minSamples others there is no usual duration to compare with.
  const minSamples = ctx.threshold('minSamples', 20);
  const groups = new Map<string, Array<{ durMs: number; traceIdx: number; row: number }>>();
  ctx.ds.traces.forEach((trace, traceIdx) => {
    for (let row = 0; row < trace.numRows; row++) {
      const span = spanAt(ctx.ds, trace, row);
      if (span.endNs === 0n || span.endNs < span.startNs) continue;
      const key = `${ctx.ds.spanService[trace.spanIdx[row]!]}\u0000${span.name}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push({ durMs: Number(span.endNs - span.startNs) / 1e6, traceIdx, row });
    }
  });
  for (const list of groups.values()) {
    const sorted = list.map((s) => s.durMs).sort((a, b) => a - b);
    for (const s of list) {
      const trace = ctx.ds.traces[s.traceIdx]!;
      if (s.durMs > maxMs) {
        reportRow(ctx, trace, s.row, `lasts ${(s.durMs / 60_000).toFixed(1)} min (more than ${(maxMs / 60_000).toFixed(0)} min)`);
        continue;
      }
      if (sorted.length - 1 < minSamples) continue;
      const p99 = percentileWithout(sorted, s.durMs, 0.99);
      if (p99 > 0 && s.durMs > factor * p99) {
        reportRow(ctx, trace, s.row, `lasts ${s.durMs.toFixed(1)} ms, ${(s.durMs / p99).toFixed(0)}× the p99 (${p99.toFixed(1)} ms) of ${sorted.length - 1} other spans with this service and name`);
      }
    }
  }
});

export const eventOutsideSpan = spanRule({
  id: 'event-outside-span', category: 'lifecycle', severity: 'info',
  learn: 'Legal with custom timestamps, but often a clock or `End()` mix-up.',
  why: 'Events may carry an explicit timestamp, so an event before the span started or after it ended is allowed, but it rarely describes the span\u2019s own work: usually a timestamp from another clock or unit, or an event added after End() (which the SDK should ignore). Timelines draw such events outside their bar. Let the SDK stamp event times, and add events before ending the span.',
  source: 'OTel spec trace/api.md §Add Events',
}, (span, at, ctx) => {
  if (span.endNs === 0n || span.endNs < span.startNs) return;
  for (const e of span.events) {
    if (e.timeNs < span.startNs) reportRow(ctx, at.trace, at.row, `event "${e.name}" is ${Number(span.startNs - e.timeNs) / 1e6} ms before the span starts`);
    else if (e.timeNs > span.endNs) reportRow(ctx, at.trace, at.row, `event "${e.name}" is ${Number(e.timeNs - span.endNs) / 1e6} ms after the span ends`);
  }
});

export const clockSkewSuspected = traceRule({
  id: 'clock-skew-suspected', category: 'lifecycle', severity: 'info',
  learn: 'Machine clocks disagree; this is skew, not a code bug.',
  why: 'Parent and child were timed by different machines (or services). A child that starts before its parent, or a synchronous call\u2019s child that ends after it, cannot happen in real time, so the two clocks disagree. Jaeger shifts such a child to the middle of its parent, assuming network latency is split evenly both ways; Honeycomb draws it where it was recorded. Sync the hosts\u2019 clocks (NTP/chrony); the code is fine.',
  source: 'Jaeger ClockSkew adjuster; Honeycomb',
}, (trace, ctx) => {
  forEachChildOfParent(ctx, trace, (c, parent, row, p) => {
    if (c.endNs === 0n || parent.endNs === 0n || c.endNs < c.startNs || parent.endNs < parent.startNs) return;
    if (sameProcess(ctx.ds, c, parent)) return; // one clock: child-*-local rules
    const sameHost = (resourceString(ctx.ds, c, 'host.name') ?? '') === (resourceString(ctx.ds, parent, 'host.name') ?? '');
    if (sameHost && ctx.ds.spanService[trace.spanIdx[row]!] === ctx.ds.spanService[trace.spanIdx[p]!]) return;
    const pDur = parent.endNs - parent.startNs;
    const cDur = c.endNs - c.startNs;
    const startsBefore = c.startNs < parent.startNs;
    // Ending after the parent is skew only if the child could fit inside it: durations are measured on one
    // clock each, so a child longer than its parent outlived it for real (a client timeout, async work), as
    // Jaeger assumes. A CONSUMER, or anything under a PRODUCER, is asynchronous by definition.
    const async = c.kind === SpanKind.CONSUMER || parent.kind === SpanKind.PRODUCER || cDur > pDur;
    const endsAfter = !async && c.endNs > parent.endNs;
    if (!startsBefore && !endsAfter) return;
    // Jaeger ClockSkew: a child no longer than its parent is centred in it; a longer one only made to start with it.
    const deltaNs = cDur <= pDur ? parent.startNs + (pDur - cDur) / 2n - c.startNs : parent.startNs - c.startNs;
    const where = startsBefore ? `starts ${Number(parent.startNs - c.startNs) / 1e6} ms before` : `ends ${Number(c.endNs - parent.endNs) / 1e6} ms after`;
    reportRow(ctx, trace, row, `${where} its parent "${parent.name}" on another host or service; Jaeger would shift it by ${Number(deltaNs) / 1e6} ms`, {
      suggestion: `shift by ${Number(deltaNs) / 1e6} ms`,
    });
  });
});

export const TIMING_RULES = [spanVeryLong, eventOutsideSpan, clockSkewSuspected];
