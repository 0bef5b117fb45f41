import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRows, keepWithAncestors } from '../../../src/core/model/rows.ts';
import { smallTree } from '../../support/small-tree.ts';

/** Rows that have children: what "collapse all" collapses, gathered one by one (the reference for collapseAll). */
function parentRows(trace: { numRows: number; subtreeEnd: Int32Array }): number[] {
  const out: number[] = [];
  for (let row = 0; row < trace.numRows; row++) if (trace.subtreeEnd[row]! > row + 1) out.push(row);
  return out;
}

/** A pre-order forest from each row's depth step (a row is at most one level below the row before it). */
function forest(steps: readonly number[]): { numRows: number; subtreeEnd: Int32Array } {
  const depth: number[] = [];
  for (const [i, step] of steps.entries()) depth.push(i === 0 ? 0 : Math.max(0, Math.min(depth[i - 1]! + 1, step)));
  const subtreeEnd = new Int32Array(depth.length);
  for (let row = 0; row < depth.length; row++) {
    let end = row + 1;
    while (end < depth.length && depth[end]! > depth[row]!) end++;
    subtreeEnd[row] = end;
  }
  return { numRows: depth.length, subtreeEnd };
}

// root ─ a ─ a1, a2 ; root ─ b ─ b1 (test/support/small-tree.ts)
const ds = smallTree();
const t = ds.traces[0]!;
const names = (rows: Int32Array): string[] => [...rows].map((r) => ds.span(t.spanIdx[r]!).name);

describe('deriveRows', () => {
  it('shows every row when nothing is collapsed', () => {
    expect(names(deriveRows(t))).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1']);
  });

  it('hides a collapsed subtree but keeps the collapsed row', () => {
    expect(names(deriveRows(t, { collapsed: new Set([1]) }))).toEqual(['root', 'a', 'b', 'b1']);
  });

  it('collapse all leaves only the roots when the roots are collapsed', () => {
    expect(parentRows(t)).toEqual([0, 1, 4]);
    expect(names(deriveRows(t, { collapsed: new Set(parentRows(t)) }))).toEqual(['root']);
    expect(names(deriveRows(t, { collapseAll: true }))).toEqual(['root']);
  });

  it('collapseAll gives the rows of every parent collapsed, with rows kept or hidden, on random forests', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }), fc.array(fc.boolean()), fc.array(fc.boolean()), fc.boolean(), (steps, keepBits, hiddenBits, useKeep) => {
        const tr = forest(steps);
        const bits = (b: boolean[]): Uint8Array => Uint8Array.from({ length: tr.numRows }, (_, i) => (b[i] ? 1 : 0));
        const filter = { hidden: bits(hiddenBits), ...(useKeep ? { keep: bits(keepBits) } : {}) };
        expect([...deriveRows(tr, { ...filter, collapseAll: true })]).toEqual([...deriveRows(tr, { ...filter, collapsed: new Set(parentRows(tr)) })]);
      }),
      { numRuns: 300 },
    );
  });

  it('a collapsed row inside a collapsed row stays hidden', () => {
    expect(names(deriveRows(t, { collapsed: new Set([0, 1]) }))).toEqual(['root']);
  });

  it('"matches only" keeps each match and its ancestors', () => {
    const keep = keepWithAncestors(t, [3]);
    expect(names(deriveRows(t, { keep }))).toEqual(['root', 'a', 'a2']);
  });
});
