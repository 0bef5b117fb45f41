// A trace's waterfall columns as the page receives them: the typed arrays are transferred, and the span ids
// go as one string with each row's end. Reading 200,000 separate id strings out of the message cost the
// page 52-86 ms on opening a 200k-span trace (Chromium, inside tasks of 131-202 ms), one string of them
// 0-3 ms; the page cuts a row's id out when it needs it (src/app/span-ids.ts).
import type { WaterfallColumns } from '../src/core/model/waterfall.ts';

export interface PageColumns extends Omit<WaterfallColumns, 'spanIds'> {
  /** Every row's span id, one after another. */
  readonly spanIdText: string;
  /** Where each row's span id ends in `spanIdText` (row r's starts where row r - 1's ends, or at 0). */
  readonly spanIdEnds: Int32Array;
}

export function pageColumns(c: WaterfallColumns): PageColumns {
  const { spanIds, ...rest } = c;
  const spanIdEnds = new Int32Array(spanIds.length);
  let end = 0;
  for (let row = 0; row < spanIds.length; row++) spanIdEnds[row] = end += spanIds[row]!.length;
  return { ...rest, spanIdText: spanIds.join(''), spanIdEnds };
}

/** The typed arrays of PageColumns, for comlink's transfer list. */
export function pageColumnBuffers(c: PageColumns): ArrayBuffer[] {
  return [c.startNs, c.durNs, c.depth, c.subtreeEnd, c.service, c.flags, c.kind, c.nameIdx, c.fanOf, c.spanIdEnds].map((a) => a.buffer as ArrayBuffer);
}
