// The trace list: one summary per loaded trace (plain data from the worker) and how the list is sorted.
import type { StateCreator } from 'zustand';
import type { TraceListSummary } from '../../core/model/summary.ts';
import type { TraceSortKey } from '../trace-sort.ts';
import type { Store } from './store.ts';

export interface TracesValues {
  readonly traces: readonly TraceListSummary[];
  readonly sortKey: TraceSortKey;
  readonly sortDescending: boolean;
}

export interface TracesActions {
  tracesReceived(traces: readonly TraceListSummary[]): void;
  /** Sorts by `key`; choosing the current key again flips the direction. */
  sortBy(key: TraceSortKey): void;
}

export type TracesSlice = TracesValues & TracesActions;

export const TRACES_DEFAULTS: TracesValues = { traces: [], sortKey: 'start', sortDescending: false };

export const createTracesSlice: StateCreator<Store, [], [], TracesSlice> = (set) => ({
  ...TRACES_DEFAULTS,
  tracesReceived: (traces) => set({ traces }),
  sortBy: (key) =>
    set((s) => (s.sortKey === key ? { sortDescending: !s.sortDescending } : { sortKey: key, sortDescending: key !== 'name' && key !== 'service' && key !== 'start' })),
});
