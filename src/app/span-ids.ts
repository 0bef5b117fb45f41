// Span ids of the open trace's rows, cut out of the code units the worker sends them in
// (workers/page-columns.ts): only the rows drawn or asked about become strings of their own.
import type { PageColumns } from '../../workers/trace-store.ts';

type SpanIdColumn = Pick<PageColumns, 'spanIdUnits' | 'spanIdEnds'>;

const startOf = (c: SpanIdColumn, row: number): number => (row > 0 ? c.spanIdEnds[row - 1]! : 0);

/** Code units per `String.fromCharCode` call: far below the engines' limits on a call's arguments. */
const UNITS_PER_CALL = 4096;

export function spanIdAt(c: SpanIdColumn, row: number): string {
  const start = startOf(c, row);
  const end = c.spanIdEnds[row]!;
  let id = '';
  for (let at = start; at < end; at += UNITS_PER_CALL) {
    id += String.fromCharCode.apply(null, c.spanIdUnits.subarray(at, Math.min(end, at + UNITS_PER_CALL)) as unknown as number[]);
  }
  return id;
}

/**
 * The first row whose span id is `id`, or -1: rows of the id's length are compared unit by unit, most of them
 * only at their first (~4 ms at 1M rows in node; cutting out each row's id to compare took ~60 ms).
 */
export function rowOfSpanId(c: SpanIdColumn, id: string): number {
  const ends = c.spanIdEnds;
  const units = c.spanIdUnits;
  const length = id.length;
  const first = id.charCodeAt(0);
  for (let row = 0, start = 0; row < ends.length; start = ends[row++]!) {
    if (ends[row]! - start !== length || (length > 0 && units[start] !== first)) continue;
    let i = 1;
    while (i < length && units[start + i] === id.charCodeAt(i)) i++;
    if (i >= length) return row;
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
