// Writes the open trace, selected span, TraceQL query and search filter into the URL hash whenever they change (replaceState: no
// history entry per click), so the address bar always holds a link to what is on screen.
import { formatHash } from '../url-state.ts';
import type { StoreHook } from './store.ts';

export function keepLocationInHash(store: StoreHook): () => void {
  const write = (): void => {
    const { traceId, selectedRow, columns, queryText, searchText, isSearchOpen, matchesOnly } = store.getState();
    const spanId = selectedRow !== null && columns?.traceId === traceId ? columns.spanIds[selectedRow] : undefined;
    const find = isSearchOpen ? searchText : '';
    const hash = formatHash({ traceId: traceId ?? '', ...(spanId ? { spanId } : {}), query: queryText, find, matchesOnly });
    if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  write();
  return store.subscribe((s, prev) => {
    if (
      s.traceId !== prev.traceId || s.selectedRow !== prev.selectedRow || s.columns !== prev.columns ||
      s.queryText !== prev.queryText || s.searchText !== prev.searchText || s.isSearchOpen !== prev.isSearchOpen || s.matchesOnly !== prev.matchesOnly
    ) write();
  });
}
