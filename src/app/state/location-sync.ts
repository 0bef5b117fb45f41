// Writes the open trace, selected span, TraceQL query, search filter, compared trace and lint settings into
// the URL hash whenever they change (replaceState: no history entry per click), so the address bar always
// holds a link to what is on screen.
import { formatHash } from '../url-state.ts';
import type { StoreHook } from './store.ts';
import { spanIdAt } from '../span-ids.ts';

export function keepLocationInHash(store: StoreHook): () => void {
  const write = (): void => {
    const { traceId, selectedRow, columns, queryText, searchText, isSearchOpen, matchesOnly, view, compareTarget, lintOptions } = store.getState();
    const spanId = selectedRow !== null && columns?.traceId === traceId ? spanIdAt(columns, selectedRow) : undefined;
    const find = isSearchOpen ? searchText : '';
    const compare = view === 'compare' && traceId ? compareTarget : null;
    const hash = formatHash({ traceId: traceId ?? '', ...(spanId ? { spanId } : {}), query: queryText, find, matchesOnly, ...(compare ? { compare } : {}) }, lintOptions);
    if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  write();
  return store.subscribe((s, prev) => {
    if (
      s.traceId !== prev.traceId || s.selectedRow !== prev.selectedRow || s.columns !== prev.columns || s.view !== prev.view || s.compareTarget !== prev.compareTarget ||
      s.queryText !== prev.queryText || s.searchText !== prev.searchText || s.isSearchOpen !== prev.isSearchOpen || s.matchesOnly !== prev.matchesOnly ||
      s.lintOptions !== prev.lintOptions
    ) write();
  });
}
