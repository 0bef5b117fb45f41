// The critical path as the worker sends it to the page (workers/critical-sections.ts): each row's sections in
// start order, those closer than a 2,000th of the trace's duration merged. A long trace's root owns a
// section between every two children; the page drew each one as an element.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { criticalPath } from '../../../src/core/graph/critical-path.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
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

  it('sends a 50,000-span trace\'s path with at most MAX_SECTIONS_PER_ROW per row, covering every section', async () => {
    const { world, spans } = generateSpans(50_000, 50_000, 3);
    const bytes = new TextEncoder().encode(world.otlpJson(spans));
    const ds = loadDataset([{ name: 'big.json', bytes }]);
    const trace = ds.traces[0]!;
    const cols = waterfallColumns(ds, trace);
    const path = criticalPath(trace, cols.startNs, cols.durNs);
    const perRow = new Map<number, number>();
    for (const s of path) perRow.set(s.row, (perRow.get(s.row) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeGreaterThan(2 * MAX_SECTIONS_PER_ROW); // the root's, between its children

    const store = new TraceStore();
    await store.load([{ name: 'big.json', data: bytes }]);
    const sent = store.criticalPath(trace.traceId)!;
    const drawn = sectionsOf(sent);
    expect(new Set(sent.rows)).toEqual(new Set(perRow.keys()));
    const numPerRow = new Map<number, number>();
    for (let i = 0; i < drawn.length; i++) {
      const [row, start, end] = drawn[i]!;
      numPerRow.set(row!, (numPerRow.get(row!) ?? 0) + 1);
      expect(end).toBeGreaterThanOrEqual(start!);
      if (i > 0 && drawn[i - 1]![0] === row) expect(start).toBeGreaterThan(drawn[i - 1]![2]!); // in order, apart
    }
    expect(Math.max(...numPerRow.values())).toBeLessThanOrEqual(MAX_SECTIONS_PER_ROW + 1);
    for (const s of path) expect(drawn.some(([row, a, b]) => row === s.row && a! <= s.startNs && s.endNs <= b!)).toBe(true);
    expect(sent.selfNs).toHaveLength(trace.numRows);
  });
});
