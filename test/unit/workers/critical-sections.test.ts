// The critical path as the worker sends it to the page (workers/critical-sections.ts): each row's sections in
// start order, those closer than a 2,000th of the trace's duration merged. A long trace's root owns a
// section between every two children; the page drew each one as an element.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { criticalPath } from '../../../src/core/graph/critical-path.ts';
import { waterfallColumns } from '../../../src/core/model/waterfall.ts';
import { drawnSections, MAX_SECTIONS_PER_ROW } from '../../../workers/critical-sections.ts';
import { TraceStore } from '../../../workers/trace-store.ts';

const sectionsOf = (p: { rows: Int32Array; startNs: Float64Array; endNs: Float64Array }) => [...p.rows].map((row, i) => [row, p.startNs[i]!, p.endNs[i]!]);

describe('critical sections as drawn', () => {
  it('merges a row\'s sections closer than a 2,000th of the trace\'s duration, in start order', () => {
    const path = [
      { row: 0, startNs: 100, endNs: 200 }, { row: 0, startNs: 0, endNs: 90 }, { row: 0, startNs: 5000, endNs: 6000 },
      { row: 1, startNs: 10, endNs: 20 }, { row: 0, startNs: 20_000_000, endNs: 20_000_100 },
    ];
    // 100 ms: sections 50 µs apart or closer are one.
    expect(sectionsOf(drawnSections(path, 100_000_000))).toEqual([[0, 0, 6000], [0, 20_000_000, 20_000_100], [1, 10, 20]]);
    // Far apart on a short trace, nothing merges.
    expect(sectionsOf(drawnSections(path, 1000))).toEqual([[0, 0, 90], [0, 100, 200], [0, 5000, 6000], [0, 20_000_000, 20_000_100], [1, 10, 20]]);
  });

  it('sends a 30,000-span trace\'s path with at most MAX_SECTIONS_PER_ROW per row, covering every section', async () => {
    const { world, spans } = generateSpans(30_000, 30_000, 3);
    const store = new TraceStore();
    await store.load([{ name: 'big.json', data: new TextEncoder().encode(world.otlpJson(spans)) }]);
    const ds = store.data;
    const trace = ds.traces[0]!;
    const cols = waterfallColumns(ds, trace);
    const path = criticalPath(trace, cols.startNs, cols.durNs);
    const originalOf = new Map<number, Array<[number, number]>>();
    for (const s of path) (originalOf.get(s.row) ?? originalOf.set(s.row, []).get(s.row)!).push([s.startNs, s.endNs]);
    expect(Math.max(...[...originalOf.values()].map((l) => l.length))).toBeGreaterThan(MAX_SECTIONS_PER_ROW + 1); // the root's, between its children

    const sent = store.criticalPath(trace.traceId)!;
    const drawnOf = new Map<number, Array<[number, number]>>();
    sectionsOf(sent).forEach(([row, a, b]) => void (drawnOf.get(row!) ?? drawnOf.set(row!, []).get(row!)!).push([a!, b!]));
    expect([...drawnOf.keys()]).toEqual([...drawnOf.keys()].sort((x, y) => x - y)); // by row
    expect(new Set(drawnOf.keys())).toEqual(new Set(originalOf.keys()));
    for (const [row, drawn] of drawnOf) {
      expect(drawn.length).toBeLessThanOrEqual(MAX_SECTIONS_PER_ROW + 1);
      // In start order and apart, and every section of the row inside one drawn (both walked in start order).
      for (let i = 1; i < drawn.length; i++) expect(drawn[i]![0]).toBeGreaterThan(drawn[i - 1]![1]);
      const original = originalOf.get(row)!.sort((x, y) => x[0] - y[0]);
      let at = 0;
      for (const [a, b] of original) {
        while (at < drawn.length && drawn[at]![1] < b) at++;
        expect(at < drawn.length && drawn[at]![0] <= a && b <= drawn[at]![1]).toBe(true);
      }
    }
    expect(sent.selfNs).toHaveLength(trace.numRows);
  });
});
