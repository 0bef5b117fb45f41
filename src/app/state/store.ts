// The one store, combined from slices by concern. Components select single fields; flows that touch
// several slices or the worker live in actions.ts.
import { create } from 'zustand';
import { createCompareSlice, type CompareSlice } from './compare-slice.ts';
import { createFindingsSlice, type FindingsSlice } from './findings-slice.ts';
import { createIngestSlice, type IngestSlice } from './ingest-slice.ts';
import { createLayoutSlice, type LayoutSlice } from './layout-slice.ts';
import { createQuerySlice, type QuerySlice } from './query-slice.ts';
import { createLearnSlice, type LearnSlice } from './learn-slice.ts';
import { createLintSlice, type LintSlice } from './lint-slice.ts';
import { createSearchSlice, type SearchSlice } from './search-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';
import { createTracesSlice, type TracesSlice } from './traces-slice.ts';
import { createWaterfallSlice, type WaterfallSlice } from './waterfall-slice.ts';

export type Store = IngestSlice & TracesSlice & SelectionSlice & WaterfallSlice & LayoutSlice & SearchSlice & FindingsSlice & QuerySlice & CompareSlice & LearnSlice & LintSlice;

export function createStore() {
  return create<Store>()((...a) => ({
    ...createIngestSlice(...a),
    ...createTracesSlice(...a),
    ...createSelectionSlice(...a),
    ...createWaterfallSlice(...a),
    ...createLayoutSlice(...a),
    ...createSearchSlice(...a),
    ...createFindingsSlice(...a),
    ...createQuerySlice(...a),
    ...createCompareSlice(...a),
    ...createLearnSlice(...a),
    ...createLintSlice(...a),
  }));
}

export type StoreHook = ReturnType<typeof createStore>;

/** The app's store. Tests of flows make their own with createStore(). */
export const useStore = createStore();
