// Critical path on traces drawn as ASCII: each character is 1 ms from the trace start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath, selfTimes } from '../../../src/core/graph/critical-path.ts';
import { waterfallColumns } from '../../../src/core/model/waterfall.ts';
import { handDataset } from '../../support/hand-records.ts';

/** Lines like "  a   |=====|" — indentation is depth (2 spaces per level); the bars' columns are the start and
 *  end in ms (column 10 is 0 ms). */
function draw(picture: string) {
  const lines = picture.split('\n').filter((l) => l.trim());
  const stack: string[] = [];
  const spans = lines.map((line) => {
    const m = /^(\s*)(\w+)\s*(\|[=]*\|)/.exec(line)!;
    const depth = m[1]!.length / 2;
    stack[depth] = m[2]!;
    const bar = line.indexOf('|');
    return { id: m[2]!, parent: depth > 0 ? stack[depth - 1] : undefined, startMs: bar - 10, endMs: bar - 10 + m[3]!.length - 1 };
  });
  const ds = handDataset(spans);
  const trace = ds.traces[0]!;
  const cols = waterfallColumns(ds, trace);
  const name = (row: number): string => ds.span(trace.spanIdx[row]!).name;
  return { ds, trace, cols, name };
}

function pathOf(picture: string): string[] {
  const { trace, cols, name } = draw(picture);
  return criticalPath(trace, cols.startNs, cols.durNs).map((c) => `${name(c.row)} ${c.startNs / 1e6}-${c.endNs / 1e6}`);
}

describe('critical path (Jaeger UI algorithm)', () => {
  it('follows the last-finishing child, then earlier children that end before it starts', () => {
    expect(pathOf(`
root      |==========================|
  a       |=======|
  b          |==================|
    c          |====|
`)).toEqual(['root 0-3', 'b 3-5', 'c 5-10', 'b 10-22', 'root 22-27']);
  });

  it('with concurrent children, only the one that finished last counts', () => {
    expect(pathOf(`
root      |====================|
  a         |============|
  b          |================|
`)).toEqual(['root 0-3', 'b 3-20', 'root 20-21']);
  });

  it('a child overflowing its parent is clipped to it', () => {
    expect(pathOf(`
root      |==========|
  a             |==========|
`)).toEqual(['root 0-6', 'a 6-11']);
  });

  it('sections tile the root span exactly, on random trees', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(50), fc.nat(30)), { minLength: 1, maxLength: 25 }), (raw) => {
      const spans = raw.map(([p, start, len], i) => ({ id: `s${i}`, parent: i === 0 ? undefined : `s${p % i}`, startMs: i === 0 ? 0 : start, endMs: i === 0 ? 100 : start + len + 1 }));
      const ds = handDataset(spans);
      const trace = ds.traces[0]!;
      const cols = waterfallColumns(ds, trace);
      const path = criticalPath(trace, cols.startNs, cols.durNs);
      let at = 0;
      for (const c of path) {
        expect(c.startNs).toBe(at);
        expect(c.endNs).toBeGreaterThan(c.startNs);
        at = c.endNs;
      }
      expect(at).toBe(100e6);
    }), { numRuns: 300 });
  });
});

describe('self time', () => {
  it('is the duration minus the union of the children, clipped to the span', () => {
    const { trace, cols, name } = draw(`
root      |====================|
  a         |=====|
  b            |======|
  c                       |==========|
`);
    const self = selfTimes(trace, cols.startNs, cols.durNs);
    const byName = Object.fromEntries([...self].map((v, row) => [name(row), v / 1e6]));
    // root 0-21; children cover 2-12 and 16-21 (c clipped): 21 - 10 - 5 = 6.
    expect(byName).toEqual({ root: 6, a: 6, b: 7, c: 11 });
  });
});

describe('self time in span details', () => {
  it('agrees with selfTimes for every span', async () => {
    const { spanDetails } = await import('../../../src/core/model/details.ts');
    const { ds, trace, cols } = draw(`
root      |====================|
  a         |=====|
  b            |======|
    d            |==|
  c                       |==========|
`);
    const self = selfTimes(trace, cols.startNs, cols.durNs);
    for (let row = 0; row < trace.numRows; row++) expect(Number(spanDetails(ds, trace, row)!.selfNs)).toBe(self[row]);
  });
});
