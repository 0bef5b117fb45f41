// The details pane's flows: a span's details when its row is selected, and more of its long lists on request
// (the worker hands over the first FIRST_DETAIL_ITEMS attributes, events and links, core/model/details.ts).
import type { DetailLimits } from '../../core/model/details.ts';
import type { Generations } from '../generation.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

/** The span's lists the details pane cuts short. */
export type DetailList = keyof DetailLimits;

export function detailsFlows(worker: TraceWorker, get: () => Store, gens: Generations): { selectRow(row: number): Promise<void>; moreDetails(list: DetailList, more: number): Promise<void> } {
  async function selectRow(row: number): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    get().rowSelected(row);
    const ticket = gens.take('details');
    const details = await worker.spanDetails(traceId, row);
    if (ticket()) get().detailsReceived(details);
  }

  /** Asks for `more` of one list of the selected span; the others stay as long as they are. */
  async function moreDetails(list: DetailList, more: number): Promise<void> {
    const { traceId, details } = get();
    if (traceId === null || details === null) return;
    const ticket = gens.take('details');
    const limits = { attributes: details.attributes.length, events: details.events.length, links: details.links.length };
    limits[list] += more;
    const longer = await worker.spanDetails(traceId, details.row, limits);
    if (ticket()) get().detailsReceived(longer);
  }

  return { selectRow, moreDetails };
}
