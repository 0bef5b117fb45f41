// TraceQL over what is loaded: the query text, and the worker's answer — the matching spans' rows per
// trace (the trace list shows only those traces, the waterfall marks those rows) or an error with the
// character it points at.
import type { StateCreator } from 'zustand';
import type { QueryError } from '../../core/query/traceql/ast.ts';
import type { TraceQLResult } from '../../core/query/traceql/evaluate.ts';
import type { Store } from './store.ts';

export interface QueryValues {
  /** The query that produced `queryRows` / `queryError`; '' when no query is active. */
  readonly queryText: string;
  /** traceId → rows of the matching spans; null when no query is active. */
  readonly queryRows: ReadonlyMap<string, ReadonlySet<number>> | null;
  readonly queryNumSpans: number;
  readonly queryError: QueryError | null;
}

export interface QueryActions {
  queryAnswered(text: string, result: TraceQLResult): void;
  queryCleared(): void;
  /** The loaded data is about to change (a big load's first look): the answer is dropped, the query kept to run again. */
  queryOutdated(): void;
}

export type QuerySlice = QueryValues & QueryActions;

export const QUERY_DEFAULTS: QueryValues = { queryText: '', queryRows: null, queryNumSpans: 0, queryError: null };

export const createQuerySlice: StateCreator<Store, [], [], QuerySlice> = (set) => ({
  ...QUERY_DEFAULTS,
  queryAnswered: (queryText, result) =>
    set(result.ok
      ? { queryText, queryRows: new Map(result.traces.map((t) => [t.traceId, new Set(t.rows)])), queryNumSpans: result.numSpans, queryError: null }
      : { queryText, queryRows: null, queryNumSpans: 0, queryError: result.error }),
  queryCleared: () => set({ ...QUERY_DEFAULTS }),
  queryOutdated: () => set({ queryRows: null, queryNumSpans: 0, queryError: null }),
});
