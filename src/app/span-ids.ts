// Span ids of the open trace's rows, cut out of the one string the worker sends them in
// (workers/page-columns.ts): only the rows drawn or asked about become strings of their own.
import type { PageColumns } from '../../workers/trace-store.ts';

type SpanIdColumn = Pick<PageColumns, 'spanIdText' | 'spanIdEnds'>;

const startOf = (c: SpanIdColumn, row: number): number => (row > 0 ? c.spanIdEnds[row - 1]! : 0);

export function spanIdAt(c: SpanIdColumn, row: number): string {
  return c.spanIdText.slice(startOf(c, row), c.spanIdEnds[row]);
}

/**
 * The first row whose span id is `id`, or -1. Found by searching the joined text (a match must start and
 * end on a row's bounds): cutting out each row's id to compare took ~60 ms at 1M rows, this ~6 ms (node).
 */
export function rowOfSpanId(c: SpanIdColumn, id: string): number {
  const ends = c.spanIdEnds;
  if (id === '') return ends.findIndex((end, row) => end === startOf(c, row));
  for (let at = c.spanIdText.indexOf(id); at >= 0; at = c.spanIdText.indexOf(id, at + 1)) {
    // The row holding character `at`: the first whose end lies past it.
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > at) hi = mid;
      else lo = mid + 1;
    }
    if (startOf(c, lo) === at && ends[lo] === at + id.length) return lo;
  }
  return -1;
}

/** The row of each of `ids` found among the rows (the first, should an id repeat). */
export function rowsOfSpanIds(c: SpanIdColumn, ids: Iterable<string>): Map<string, number> {
  const rows = new Map<string, number>();
  for (const id of new Set(ids)) {
    const row = rowOfSpanId(c, id);
    if (row >= 0) rows.set(id, row);
  }
  return rows;
}
