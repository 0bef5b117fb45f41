// The app's pure helpers: sorting the trace list, time formatting, axis ticks, tree walks over columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatExactMillis, formatTick, groupDigits } from '../../../src/app/format.ts';
import { axisTicks, niceStep } from '../../../src/app/ticks.ts';
import { compareDecimal, sortTraces } from '../../../src/app/trace-sort.ts';
import { ancestorRows, rowsWithChildren } from '../../../src/app/tree-walk.ts';
import { keyMove } from '../../../src/app/waterfall-keys.ts';
import { FULL_LEVELS, indentPx, indentStyle, isIndentCapped, NARROW_LEVELS } from '../../../src/app/indent.ts';
import type { TraceListSummary } from '../../../src/core/model/summary.ts';

function summary(traceId: string, over: Partial<TraceListSummary>): TraceListSummary {
  return {
    traceId, rootName: 'r', rootService: 's', services: ['s'], numSpans: 1, numErrors: 0, numRoots: 1, numOrphans: 0,
    durationNs: 1, startUnixNs: '1', ...over,
  };
}

describe('sortTraces', () => {
  // Starts differ only beyond 2^53: as numbers they would tie, as exact decimals they must not.
  const a = summary('a', { rootService: 'cart', numSpans: 5, durationNs: 30, startUnixNs: '1714564800000000002' });
  const b = summary('b', { rootService: 'api', numSpans: 9, durationNs: 10, startUnixNs: '1714564800000000001' });
  const c = summary('c', { rootService: 'db', numSpans: 5, durationNs: 20, startUnixNs: '1714564800000000003' });

  it('orders by exact start time, not by a rounded number', () => {
    expect(sortTraces([a, b, c], 'start', false).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
  });

  it('sorts by any column both ways; ties fall back to start time', () => {
    expect(sortTraces([a, b, c], 'service', false).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
    expect(sortTraces([a, b, c], 'duration', true).map((t) => t.traceId)).toEqual(['a', 'c', 'b']);
    expect(sortTraces([a, b, c], 'spans', false).map((t) => t.traceId)).toEqual(['a', 'c', 'b']);
    expect(sortTraces([a, b, c], 'spans', true).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
  });

  it('compares decimal starts as their bigints do, without making bigints', () => {
    const decimal = fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), fc.stringMatching(/^0*[0-9]{0,22}$/));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const x = BigInt(a || '0');
        const y = BigInt(b || '0');
        expect(compareDecimal(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives one list the order asked for each time, however often and in whatever order it is asked', () => {
    const list = [a, b, c];
    const byStart = sortTraces(list, 'start', false);
    expect(byStart.map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
    expect(sortTraces(list, 'start', false)).toBe(byStart);
    expect(sortTraces(list, 'spans', true).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
    expect(sortTraces(list, 'spans', false).map((t) => t.traceId)).toEqual(['a', 'c', 'b']);
    expect(sortTraces(list, 'start', false).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
    expect(sortTraces([c, b, a], 'start', false).map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
  });

  it('does not reorder its input', () => {
    const input = [a, b, c];
    sortTraces(input, 'service', true);
    expect(input).toEqual([a, b, c]);
  });
});

describe('formatting', () => {
  it('keeps every nanosecond digit of an exact duration', () => {
    expect(formatExactMillis('27654322')).toBe('27.654322 ms');
    expect(formatExactMillis('1')).toBe('0.000001 ms');
    expect(formatExactMillis('5000000')).toBe('5 ms');
    expect(formatExactMillis('9007199254740993')).toBe('9007199254.740993 ms');
    expect(formatExactMillis('-1500000')).toBe('-1.5 ms');
  });

  it('groups digits and picks a readable unit for short durations', () => {
    expect(groupDigits('51900000')).toBe('51\u202f900\u202f000');
    expect(formatDuration(950)).toBe('950ns');
    expect(formatDuration(3_700_000)).toBe('3.70ms');
    expect(formatDuration(150_000_000)).toBe('150ms');
    expect(formatDuration(2_400_000_000)).toBe('2.40s');
  });

  it('labels axis ticks without trailing zeros', () => {
    expect(formatTick(50_000_000)).toBe('50ms');
    expect(formatTick(2_500_000)).toBe('2.5ms');
    expect(formatTick(1_250_000)).toBe('1.25ms');
    expect(formatTick(0)).toBe('0');
    expect(formatTick(100_000_000)).toBe('100ms');
  });
});

describe('row indentation', () => {
  it('steps every level down to the cap, then stays, leaving the name column room', () => {
    const cap = FULL_LEVELS + NARROW_LEVELS;
    for (let depth = 1; depth <= cap; depth++) expect(indentPx(depth)).toBeGreaterThan(indentPx(depth - 1));
    for (const depth of [cap + 1, cap + 50, 1_000_000]) expect(indentPx(depth)).toBe(indentPx(cap));
    // Full steps where traces usually stay, narrow ones after: at most ~half the ~400 px column.
    expect(indentPx(FULL_LEVELS) - indentPx(FULL_LEVELS - 1)).toBeGreaterThan(indentPx(FULL_LEVELS + 1) - indentPx(FULL_LEVELS));
    expect(indentPx(cap)).toBeLessThanOrEqual(220);
    expect([indentStyle(0), indentStyle(cap + 9)]).toEqual(['0', `min(${indentPx(cap)}px, 30%)`]);
    expect([isIndentCapped(cap), isIndentCapped(cap + 1)]).toEqual([false, true]);
  });
});

describe('axis ticks', () => {
  it('uses 1-2-5 steps and ends at or before the trace end', () => {
    expect(niceStep(150e6, 6)).toBe(50e6);
    expect(niceStep(46e6, 6)).toBe(10e6);
    const ticks = axisTicks(150e6);
    expect(ticks.map((t) => t.ns)).toEqual([0, 50e6, 100e6, 150e6]);
    expect(ticks.at(-1)!.fraction).toBe(1);
    expect(axisTicks(0)).toEqual([{ ns: 0, fraction: 0 }]);
  });
});

describe('tree walks over waterfall columns', () => {
  //  row  tree           depth  subtreeEnd
  //  0    A              0      5
  //  1    ├─ B           1      3
  //  2    │  └─ C        2      3
  //  3    └─ D           1      5
  //  4       └─ E        2      5
  //  5    F (2nd root)   0      6
  const depth = Int32Array.from([0, 1, 2, 1, 2, 0]);
  const subtreeEnd = Int32Array.from([5, 3, 3, 5, 5, 6]);

  it('finds ancestors nearest first', () => {
    expect(ancestorRows(depth, 4)).toEqual([3, 0]);
    expect(ancestorRows(depth, 2)).toEqual([1, 0]);
    expect(ancestorRows(depth, 5)).toEqual([]);
  });

  it('lists exactly the rows with children', () => {
    expect(rowsWithChildren(subtreeEnd)).toEqual([0, 1, 3]);
  });
});

describe('waterfall keys', () => {
  //  row  tree           depth  subtreeEnd
  //  0    A              0      4
  //  1    ├─ B           1      3
  //  2    │  └─ C        2      3
  //  3    └─ D           1      4
  const depth = Int32Array.from([0, 1, 2, 1]);
  const subtreeEnd = Int32Array.from([4, 3, 3, 4]);
  const all = Int32Array.from([0, 1, 2, 3]);
  const ctx = (selectedRow: number | null, collapsed: number[] = [], visibleRows = all) => ({ visibleRows, depth, subtreeEnd, collapsed: new Set(collapsed), selectedRow });

  it('moves through visible rows only, clamped at the ends', () => {
    expect(keyMove('ArrowDown', ctx(null))).toEqual({ type: 'select', row: 0 });
    expect(keyMove('ArrowDown', ctx(1, [1], Int32Array.from([0, 1, 3])))).toEqual({ type: 'select', row: 3 });
    expect(keyMove('ArrowUp', ctx(0))).toEqual({ type: 'select', row: 0 });
    expect(keyMove('End', ctx(0))).toEqual({ type: 'select', row: 3 });
  });

  it('left collapses an open parent, then goes to the parent; right expands, then goes to the first child', () => {
    expect(keyMove('ArrowLeft', ctx(1))).toEqual({ type: 'toggle', row: 1 });
    expect(keyMove('ArrowLeft', ctx(1, [1]))).toEqual({ type: 'select', row: 0 });
    expect(keyMove('ArrowLeft', ctx(2))).toEqual({ type: 'select', row: 1 });
    expect(keyMove('ArrowLeft', ctx(0, [0]))).toBeNull();
    expect(keyMove('ArrowRight', ctx(1, [1]))).toEqual({ type: 'toggle', row: 1 });
    expect(keyMove('ArrowRight', ctx(1))).toEqual({ type: 'select', row: 2 });
    expect(keyMove('ArrowRight', ctx(2))).toBeNull();
  });
});
