import { describe, expect, it } from 'vitest';
import { RowFlag } from '../../../src/core/model/assemble.ts';
import { handDataset, tree } from '../../support/hand-records.ts';

const flagsOf = (ds: ReturnType<typeof handDataset>, name: string): number => {
  const t = ds.traces[0]!;
  for (let row = 0; row < t.numRows; row++) if (ds.span(t.spanIdx[row]!).name === name) return t.flags[row]!;
  throw new Error(`no span ${name}`);
};

describe('assemble', () => {
  it('orders children by start time and builds pre-order rows with subtree ends', () => {
    const ds = handDataset([
      { id: 'c2', parent: 'root', startMs: 20, endMs: 30 },
      { id: 'root', startMs: 0, endMs: 50 },
      { id: 'c1', parent: 'root', startMs: 5, endMs: 15 },
      { id: 'g1', parent: 'c1', startMs: 6, endMs: 7 },
    ]);
    expect(tree(ds)).toBe(['root', '  c1', '    g1', '  c2'].join('\n'));
    const t = ds.traces[0]!;
    expect([...t.subtreeEnd]).toEqual([4, 3, 3, 4]);
    expect([...t.parentRow]).toEqual([-1, 0, 1, 0]);
    expect(t.endNs - t.startNs).toBe(50_000_000n);
  });

  it('keeps a span whose parent is absent as a root marked ORPHAN, beside the true root', () => {
    const ds = handDataset([
      { id: 'root', startMs: 0, endMs: 50 },
      { id: 'lost', parent: 'never-exported', startMs: 10, endMs: 20 },
      { id: 'kid', parent: 'lost', startMs: 11, endMs: 12 },
    ]);
    expect(tree(ds)).toBe(['root', 'lost', '  kid'].join('\n'));
    expect(flagsOf(ds, 'lost') & RowFlag.ORPHAN).toBeTruthy();
    expect(flagsOf(ds, 'lost') & RowFlag.ROOT).toBeTruthy();
    expect(flagsOf(ds, 'root') & RowFlag.ORPHAN).toBe(0);
    expect(ds.traces[0]!.rootRows.length).toBe(2);
  });

  it('keeps several true roots in one trace', () => {
    const ds = handDataset([
      { id: 'b', startMs: 10, endMs: 20 },
      { id: 'a', startMs: 0, endMs: 5 },
    ]);
    expect(tree(ds)).toBe('a\nb');
    expect(ds.traces[0]!.rootRows.length).toBe(2);
  });

  it('cuts a self-parent without losing it', () => {
    const ds = handDataset([{ id: 'me', parent: 'me', startMs: 0, endMs: 1 }, { id: 'kid', parent: 'me', startMs: 0.5, endMs: 0.7 }]);
    expect(tree(ds)).toBe('me\n  kid');
    expect(flagsOf(ds, 'me') & RowFlag.SELF_PARENT).toBeTruthy();
  });

  it('cuts a parent cycle at the span where the loop is entered, and keeps the spans hanging off it', () => {
    // a → b → c → a is a loop; d hangs off c.
    const ds = handDataset([
      { id: 'a', parent: 'c', startMs: 0, endMs: 10 },
      { id: 'b', parent: 'a', startMs: 1, endMs: 9 },
      { id: 'c', parent: 'b', startMs: 2, endMs: 8 },
      { id: 'd', parent: 'c', startMs: 3, endMs: 4 },
    ]);
    const t = ds.traces[0]!;
    expect(t.numRows).toBe(4);
    expect(tree(ds)).toBe(['a', '  b', '    c', '      d'].join('\n'));
    expect(flagsOf(ds, 'a') & RowFlag.CYCLE).toBeTruthy();
    expect(flagsOf(ds, 'd') & RowFlag.CYCLE).toBe(0);
  });

  it('does not hang or recurse on a 200k-deep chain', () => {
    const spans = Array.from({ length: 200_000 }, (_, i) => ({ id: `s${i}`, parent: i ? `s${i - 1}` : '', startMs: i / 1000, endMs: 1000 }));
    const ds = handDataset(spans);
    const t = ds.traces[0]!;
    expect(t.numRows).toBe(200_000);
    expect(t.depth[199_999]).toBe(199_999);
    expect(t.subtreeEnd[0]).toBe(200_000);
  }, 60_000);

  it('keeps both spans that share a span id, and marks them', () => {
    const ds = handDataset([
      { id: 'root', startMs: 0, endMs: 50 },
      { id: 'dup', parent: 'root', startMs: 1, endMs: 2, name: 'first' },
      { id: 'dup', parent: 'root', startMs: 3, endMs: 4, name: 'second' },
      { id: 'kid', parent: 'dup', startMs: 1.5, endMs: 1.6 },
    ]);
    expect(tree(ds)).toBe(['root', '  first', '    kid', '  second'].join('\n'));
    expect(flagsOf(ds, 'first') & RowFlag.DUPLICATE_ID).toBeTruthy();
    expect(flagsOf(ds, 'second') & RowFlag.DUPLICATE_ID).toBeTruthy();
  });

  it('folds an exact duplicate (the same span exported twice) into one row and counts the copy', () => {
    const once = [{ id: 'root', startMs: 0, endMs: 5 }];
    const ds = handDataset(once, once);
    const t = ds.traces[0]!;
    expect(t.numRows).toBe(1);
    expect(t.copies[0]).toBe(1);
    expect(t.exactDuplicates.length).toBe(1);
    expect(ds.spans.length).toBe(2);
  });

  it('does not take two different spans for copies when a slash in their ids lines up', () => {
    // Same name and times; 'a/b' under 'c' and 'a' under 'b/c' are different spans (an id key joined by '/' merged them).
    const ds = handDataset([
      { id: 'a/b', parent: 'c', startMs: 0, endMs: 1, name: 'x' },
      { id: 'a', parent: 'b/c', startMs: 0, endMs: 1, name: 'x' },
    ]);
    const t = ds.traces[0]!;
    expect(t.numRows).toBe(2);
    expect(t.exactDuplicates.length).toBe(0);
  });

  it('joins the spans of one trace split across two files', () => {
    const ds = handDataset(
      [{ id: 'root', startMs: 0, endMs: 50, service: 'front' }],
      [{ id: 'kid', parent: 'root', startMs: 10, endMs: 20, service: 'back' }],
    );
    expect(ds.traces.length).toBe(1);
    expect(tree(ds)).toBe('root\n  kid');
    expect(ds.services).toEqual(['front', 'back']);
    expect(flagsOf(ds, 'kid') & RowFlag.ORPHAN).toBe(0);
  });

  it('groups by trace id and orders traces by start', () => {
    const ds = handDataset([
      { id: 'x', trace: 'late', startMs: 100, endMs: 110 },
      { id: 'y', trace: 'early', startMs: 0, endMs: 10 },
    ]);
    expect(ds.traces.map((t) => t.traceId)).toEqual(['early', 'late']);
  });
});
