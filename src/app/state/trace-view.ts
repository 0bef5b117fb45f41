// What drawing a trace needs from the worker, asked for at once and put in the store in one go: opening a
// trace (and the first trace of a load, with the new trace list) then costs the page one hop to the worker
// and one layout, where it took three hops and a layout for the list, then another for the trace.
import type { Generations } from '../generation.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

/** A trace's view, asked for: whether it is still the one to show, and what shows it. */
export interface PendingView {
  /** False once another trace was opened since it was asked for. */
  isCurrent(): boolean;
  /** Puts it in the store in one synchronous go, so the page draws it once; rows asked for since win. */
  show(): void;
}

export function traceViewFlows(worker: TraceWorker, get: () => Store, gens: Generations) {
  /**
   * Asks for a trace's columns, the matches of a search left open (a search stays open across traces) and
   * its rows, nothing folded, together: the worker answers in order, so the page waits for one hop, not
   * three. Its tickets are taken at the call (before its first await): answers to questions about the trace
   * shown before (its rows, a span's details) are stale from then on. `traceId` null: nothing to ask.
   */
  async function traceView(traceId: string | null): Promise<PendingView> {
    const isCurrent = gens.take('waterfall');
    const rowsTicket = gens.take('rows');
    gens.take('details');
    if (traceId === null) return { isCurrent, show: () => undefined };
    const { searchText, matchesOnly } = get();
    const only = matchesOnly && searchText !== '';
    const [columns, matches, rows] = await Promise.all([
      worker.waterfall(traceId),
      searchText !== '' ? worker.search(traceId, searchText) : null,
      only ? null : worker.visibleRows(traceId, [], undefined, []),
    ]);
    // Showing the matches only, the rows are the matches' (and their ancestors'): asked for once they are known.
    const shown = rows ?? (await worker.visibleRows(traceId, [], matches!, []));
    return {
      isCurrent,
      show() {
        if (!isCurrent()) return;
        get().columnsReceived(columns);
        if (matches) get().searchAnswered(searchText, matches);
        if (rowsTicket() && get().traceId === traceId) get().visibleRowsReceived(shown, new Set(), new Set());
      },
    };
  }

  return { traceView };
}
