import { describe, expect, it } from 'vitest';
import { deriveRows, keepWithAncestors, parentRows } from '../../../src/core/model/rows.ts';
import { smallTree } from '../../support/small-tree.ts';

// root ─ a ─ a1, a2 ; root ─ b ─ b1 (test/support/small-tree.ts)
const ds = smallTree();
const t = ds.traces[0]!;
const names = (rows: Int32Array): string[] => [...rows].map((r) => ds.spans[t.spanIdx[r]!]!.name);

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
  });

  it('a collapsed row inside a collapsed row stays hidden', () => {
    expect(names(deriveRows(t, { collapsed: new Set([0, 1]) }))).toEqual(['root']);
  });

  it('"matches only" keeps each match and its ancestors', () => {
    const keep = keepWithAncestors(t, [3]);
    expect(names(deriveRows(t, { keep }))).toEqual(['root', 'a', 'a2']);
  });
});
