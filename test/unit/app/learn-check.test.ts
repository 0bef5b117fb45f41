// The tour's try-it checks, on a small tree:
//   row 0 GET /cart
//   row 1   GET            (span b1)
//   row 2     GET /cart/items
import { describe, expect, it } from 'vitest';
import { expectedTraceparent, isTryItDone, rowNamed, type TourView } from '../../../src/app/learn-check.ts';

const NAMES = ['GET /cart', 'GET', 'GET /cart/items'];
const T = '4bf92f3577b34da6a3ce929d0e0e4736';
const view = (over: Partial<TourView> = {}): TourView => ({
  numRows: 3, names: (row) => NAMES[row] ?? '', spanIdAt: (row) => ['a0000000000000a0', 'b1000000000000b1', 'c2000000000000c2'][row]!, traceId: T,
  selectedRow: null, collapsed: new Set(), sideTab: 'inputs', contextText: '', ...over,
});

describe('try-it checks', () => {
  it('finds rows by span name', () => {
    expect(rowNamed(view(), 'GET')).toBe(1);
    expect(rowNamed(view(), 'nope')).toBe(-1);
  });

  it('select-span: only the named span counts', () => {
    const tryIt = { kind: 'select-span', span: 'GET /cart/items' } as const;
    expect(isTryItDone(tryIt, view())).toBe(false);
    expect(isTryItDone(tryIt, view({ selectedRow: 1 }))).toBe(false);
    expect(isTryItDone(tryIt, view({ selectedRow: 2 }))).toBe(true);
  });

  it('collapse: the named span\u2019s row is collapsed', () => {
    const tryIt = { kind: 'collapse', span: 'GET' } as const;
    expect(isTryItDone(tryIt, view({ collapsed: new Set([0]) }))).toBe(false);
    expect(isTryItDone(tryIt, view({ collapsed: new Set([1]) }))).toBe(true);
  });

  it('open-findings: the Findings tab is showing', () => {
    expect(isTryItDone({ kind: 'open-findings' }, view())).toBe(false);
    expect(isTryItDone({ kind: 'open-findings' }, view({ sideTab: 'findings' }))).toBe(true);
  });

  it('inspect-context: the inspector holds the span\u2019s traceparent with the asked flags', () => {
    const tryIt = { kind: 'inspect-context', span: 'GET', flags: '01' } as const;
    const want = `00-${T}-b1000000000000b1-01`;
    expect(expectedTraceparent(tryIt, view())).toBe(want);
    expect(isTryItDone(tryIt, view({ contextText: `traceparent: ${want.toUpperCase()}` }))).toBe(true);
    expect(isTryItDone(tryIt, view({ contextText: `00-${T}-b1000000000000b1-00` }))).toBe(false);
    expect(isTryItDone(tryIt, view({ contextText: `00-${T}-a0000000000000a0-01` }))).toBe(false);
    expect(expectedTraceparent({ kind: 'inspect-context', span: 'absent', flags: '00' }, view())).toBeNull();
  });
});
