// The Compare view's choice of trace B (trace A is the open trace). The diff itself is asked of the worker
// by the view and kept there, like the statistics; only the choice is state, because the URL keeps it.
import type { StateCreator } from 'zustand';
import type { CompareSide } from '../../core/compare/side.ts';
import type { Store } from './store.ts';

export interface CompareValues {
  readonly compareTarget: CompareSide | null;
}

export interface CompareActions {
  compareTargetChosen(target: CompareSide | null): void;
}

export type CompareSlice = CompareValues & CompareActions;

export const COMPARE_DEFAULTS: CompareValues = { compareTarget: null };

export const createCompareSlice: StateCreator<Store, [], [], CompareSlice> = (set) => ({
  ...COMPARE_DEFAULTS,
  compareTargetChosen: (compareTarget) => set({ compareTarget }),
});
