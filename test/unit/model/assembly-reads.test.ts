// Assembly groups a builder's spans by the table's trace numbers (assembly-reads.ts). The table numbers at
// most 65,536 distinct trace ids by value (span-table.ts Numbered); a trace id first seen after that gets a
// new number each time it comes back after another, so grouping must still join its spans by the id itself.
import { describe, expect, it } from 'vitest';
import { handDataset, type HandSpan } from '../../support/hand-records.ts';

/** Distinct values the table numbers by value before it stops remembering them (span-table.ts MAX_MAPPED). */
const MAX_MAPPED = 1 << 16;

describe('assembly of a builder\'s spans', () => {
  it('joins a trace whose id the table numbered twice into one trace', () => {
    const spans: HandSpan[] = [];
    for (let t = 0; t < MAX_MAPPED; t++) spans.push({ id: 'a', trace: `fill-${t}`, startMs: 0, endMs: 1 });
    // 'late' comes after the table stopped numbering by value, then again after another trace.
    spans.push({ id: 'root', trace: 'late', startMs: 0, endMs: 5 });
    spans.push({ id: 'b', trace: 'other', startMs: 0, endMs: 1 });
    spans.push({ id: 'child', parent: 'root', trace: 'late', startMs: 1, endMs: 2 });
    const ds = handDataset(spans);
    expect(ds.table!.traceNumber(MAX_MAPPED)).not.toBe(ds.table!.traceNumber(MAX_MAPPED + 2));
    expect(ds.traces).toHaveLength(MAX_MAPPED + 2);
    const late = ds.traces[ds.traceIdx.get('late')!]!;
    expect(late.numRows).toBe(2);
    expect(Array.from(late.parentRow)).toEqual([-1, 0]);
  });
});
