// In-trace search: the text, the matching rows of the open trace (from the worker), which match is
// current, and whether only matches (with their ancestors) are shown.
import type { StateCreator } from 'zustand';
import { lowerBound } from './sorted-rows.ts';
import type { Store } from './store.ts';

export interface SearchValues {
  readonly isSearchOpen: boolean;
  readonly searchText: string;
  /** The matching rows of the open trace, ascending (as the worker's search gives them). */
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

/**
 * Whether `row` of the open trace matches the search: a binary search of `matches`. Each drawn row asks on
 * every store update; scanning them (Int32Array.includes) cost Chromium 18 ms per 53 rows with 333k matches,
 * and a bitmap built per answer cost a cold 15-60 ms task with 666k.
 */
export function isMatchRow(s: Pick<SearchValues, 'searchText' | 'matches'>, row: number): boolean {
  if (s.searchText === '') return false;
  const i = lowerBound(s.matches, row);
  return i < s.matches.length && s.matches[i] === row;
}

export const createSearchSlice: StateCreator<Store, [], [], SearchSlice> = (set) => ({
  ...SEARCH_DEFAULTS,
  searchOpened: (isSearchOpen) => set(isSearchOpen ? { isSearchOpen } : { ...SEARCH_DEFAULTS }),
  searchAnswered: (searchText, matches) => set({ searchText, matches, matchIdx: -1 }),
  matchChosen: (matchIdx) => set({ matchIdx }),
  matchesOnlySet: (matchesOnly) => set({ matchesOnly }),
});
