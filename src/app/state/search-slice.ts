// In-trace search: the text, the matching rows of the open trace (from the worker), which match is
// current, and whether only matches (with their ancestors) are shown.
import type { StateCreator } from 'zustand';
import type { Store } from './store.ts';

export interface SearchValues {
  readonly isSearchOpen: boolean;
  readonly searchText: string;
  readonly matches: Int32Array;
  /** Index into `matches` of the current match, -1 before the first next/previous. */
  readonly matchIdx: number;
  readonly matchesOnly: boolean;
}

export interface SearchActions {
  searchOpened(isOpen: boolean): void;
  searchAnswered(text: string, matches: Int32Array): void;
  matchChosen(matchIdx: number): void;
  matchesOnlySet(on: boolean): void;
}

export type SearchSlice = SearchValues & SearchActions;

export const SEARCH_DEFAULTS: SearchValues = { isSearchOpen: false, searchText: '', matches: new Int32Array(0), matchIdx: -1, matchesOnly: false };

export const createSearchSlice: StateCreator<Store, [], [], SearchSlice> = (set) => ({
  ...SEARCH_DEFAULTS,
  searchOpened: (isSearchOpen) => set(isSearchOpen ? { isSearchOpen } : { ...SEARCH_DEFAULTS }),
  searchAnswered: (searchText, matches) => set({ searchText, matches, matchIdx: -1 }),
  matchChosen: (matchIdx) => set({ matchIdx }),
  matchesOnlySet: (matchesOnly) => set({ matchesOnly }),
});
