// A trace's waterfall columns as the page receives them: every column is a transferred typed array, the span
// ids too, as the UTF-16 code units of all rows' ids one after another with each row's end. As 200,000
// separate strings the ids cost the page 52-86 ms to read out of the message on opening a 200k-span trace
// (Chromium, inside tasks of 131-202 ms); as one string, 34-48 ms at 1M rows (its 16M characters are copied
// by the structured clone); transferred, nothing. The page cuts a row's id out when it needs it
// (src/app/span-ids.ts).
import type { WaterfallColumns } from '../src/core/model/waterfall.ts';
import { codeUnits } from './code-units.ts';

export interface PageColumns extends Omit<WaterfallColumns, 'spanIds'> {
  /**
   * Every row's span id, one after another, as UTF-16 code units: one byte each when all of them are below
   * 256 (hex ids always are), else two. Code units, not UTF-8, so any id (a lone surrogate too) comes back
   * exactly.
   */
  readonly spanIdUnits: Uint8Array | Uint16Array;
  /** Where each row's span id ends in `spanIdUnits` (row r's starts where row r - 1's ends, or at 0). */
  readonly spanIdEnds: Int32Array;
}


export function pageColumns(c: WaterfallColumns): PageColumns {
  const { spanIds, ...rest } = c;
  const spanIdEnds = new Int32Array(spanIds.length);
  let end = 0;
  for (let row = 0; row < spanIds.length; row++) spanIdEnds[row] = end += spanIds[row]!.length;
  return { ...rest, spanIdUnits: codeUnits(spanIds.join('')), spanIdEnds };
}

/** The typed arrays of PageColumns, for comlink's transfer list. */
export function pageColumnBuffers(c: PageColumns): ArrayBuffer[] {
  return [c.startNs, c.durNs, c.depth, c.subtreeEnd, c.service, c.flags, c.kind, c.nameIdx, c.fanOf, c.spanIdEnds, c.spanIdUnits].map((a) => a.buffer as ArrayBuffer);
}
