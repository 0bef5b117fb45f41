// Span ids of the open trace's rows, cut out of the one string the worker sends them in
// (workers/page-columns.ts): only the rows drawn or asked about become strings of their own.
import type { PageColumns } from '../../workers/trace-store.ts';

type SpanIdColumn = Pick<PageColumns, 'spanIdText' | 'spanIdEnds'>;

export function spanIdAt(c: SpanIdColumn, row: number): string {
  return c.spanIdText.slice(row > 0 ? c.spanIdEnds[row - 1]! : 0, c.spanIdEnds[row]);
}

/** The row of each of `ids` found among the rows (the first, should an id repeat). */
export function rowsOfSpanIds(c: SpanIdColumn, ids: Iterable<string>): Map<string, number> {
  const wanted = new Set(ids);
  const rows = new Map<string, number>();
  if (wanted.size === 0) return rows;
  for (let row = 0; row < c.spanIdEnds.length && rows.size < wanted.size; row++) {
    const id = spanIdAt(c, row);
    if (wanted.has(id) && !rows.has(id)) rows.set(id, row);
  }
  return rows;
}
