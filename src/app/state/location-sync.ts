// Writes the open trace, selected span and compared trace into the URL hash whenever they change (replaceState: no
// history entry per click), so the address bar always holds a link to what is on screen.
import { formatHash } from '../url-state.ts';
import type { StoreHook } from './store.ts';

export function keepLocationInHash(store: StoreHook): () => void {
  const write = (): void => {
    const { traceId, selectedRow, columns, view, compareTarget } = store.getState();
    const spanId = selectedRow !== null && columns?.traceId === traceId ? columns.spanIds[selectedRow] : undefined;
    const compare = view === 'compare' ? compareTarget : null;
    const hash = formatHash(traceId ? { traceId, ...(spanId ? { spanId } : {}), ...(compare ? { compare } : {}) } : null);
    if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  write();
  return store.subscribe((s, prev) => {
    if (s.traceId !== prev.traceId || s.selectedRow !== prev.selectedRow || s.columns !== prev.columns || s.view !== prev.view || s.compareTarget !== prev.compareTarget) write();
  });
}
