// TraceQL over what is loaded: the query text, and the worker's answer — the matching spans' rows per
// trace (the trace list shows only those traces, the waterfall marks those rows) or an error with the
// character it points at.
import type { StateCreator } from 'zustand';
import type { Store } from './store.ts';

export interface QueryError {
  readonly message: string;
  /** 0-based character offset into the query. */
  readonly offset: number;
}

export interface QueryValues {
  /** The query that produced `queryRows` / `queryError`; '' when no query is active. */
  readonly queryText: string;
  /** traceId → rows of the matching spans; null when no query is active. */
  readonly queryRows: ReadonlyMap<string, ReadonlySet<number>> | null;
  readonly queryNumSpans: number;
  readonly queryError: QueryError | null;
}

export interface QueryActions {
  queryAnswered(text: string, answer: { traces: ReadonlyArray<{ traceId: string; rows: readonly number[] }>; numSpans: number } | { error: QueryError }): void;
  queryCleared(): void;
}

export type QuerySlice = QueryValues & QueryActions;

export const QUERY_DEFAULTS: QueryValues = { queryText: '', queryRows: null, queryNumSpans: 0, queryError: null };

export const createQuerySlice: StateCreator<Store, [], [], QuerySlice> = (set) => ({
  ...QUERY_DEFAULTS,
  queryAnswered: (queryText, answer) =>
    set('error' in answer
      ? { queryText, queryRows: null, queryNumSpans: 0, queryError: answer.error }
      : { queryText, queryRows: new Map(answer.traces.map((t) => [t.traceId, new Set(t.rows)])), queryNumSpans: answer.numSpans, queryError: null }),
  queryCleared: () => set({ ...QUERY_DEFAULTS }),
});
