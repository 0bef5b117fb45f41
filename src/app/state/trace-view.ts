// What drawing a trace needs from the worker, asked for at once and put in the store in one go: opening a
// trace (and the first trace of a load, with the new trace list) then costs the page one hop to the worker
// and one layout, where it took three hops and a layout for the list, then another for the trace.
import type { PageColumns } from '../../../workers/trace-store.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

/** A trace's waterfall as the worker gives it: columns, a standing search's matches, rows with nothing folded. */
export interface TraceView {
  readonly traceId: string;
  readonly columns: PageColumns | null;
  readonly searchText: string;
  readonly matches: Int32Array | null;
  readonly rows: Int32Array;
}

export function traceViewFlows(worker: TraceWorker, get: () => Store) {
  /**
   * Asks for a trace's columns, the matches of a search left open (a search stays open across traces) and
   * its rows together: the worker answers in order, so the page waits for one hop, not three.
   */
  async function traceView(traceId: string): Promise<TraceView> {
    const { searchText, matchesOnly } = get();
    const only = matchesOnly && searchText !== '';
    const [columns, matches, rows] = await Promise.all([
      worker.waterfall(traceId),
      searchText !== '' ? worker.search(traceId, searchText) : null,
      only ? null : worker.visibleRows(traceId, [], undefined, []),
    ]);
    // Showing the matches only, the rows are the matches' (and their ancestors'): asked for once they are known.
    return { traceId, columns, searchText, matches, rows: rows ?? (await worker.visibleRows(traceId, [], matches!, [])) };
  }

  /** Puts the view in the store in one synchronous go, so the page draws it once; `rowsTicket` false: rows asked for since win. */
  function showTraceView(view: TraceView, rowsTicket: () => boolean): void {
    get().columnsReceived(view.columns);
    if (view.matches) get().searchAnswered(view.searchText, view.matches);
    if (rowsTicket() && get().traceId === view.traceId) get().visibleRowsReceived(view.rows, new Set(), new Set());
  }

  return { traceView, showTraceView };
}
