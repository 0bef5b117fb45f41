// Writes the open trace, the selected span and the lint settings into the URL hash whenever they change
// (replaceState: no history entry per click), so the address bar always holds a link to what is on screen.
import { formatHash } from '../url-state.ts';
import type { StoreHook } from './store.ts';

export function keepLocationInHash(store: StoreHook): () => void {
  const write = (): void => {
    const { traceId, selectedRow, columns, lintOptions } = store.getState();
    const spanId = selectedRow !== null && columns?.traceId === traceId ? columns.spanIds[selectedRow] : undefined;
    const hash = formatHash(traceId ? { traceId, ...(spanId ? { spanId } : {}) } : null, lintOptions);
    if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  write();
  return store.subscribe((s, prev) => {
    if (s.traceId !== prev.traceId || s.selectedRow !== prev.selectedRow || s.columns !== prev.columns || s.lintOptions !== prev.lintOptions) write();
  });
}
