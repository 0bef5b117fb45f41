// A search for hex digits in a big trace's ids (search.ts), without forming each id's text: the builder keeps
// ids as words (model/span-columns.ts), and forming two strings per row for every such search took a
// million-row search for `dead` from 88-104 ms to 165-356 ms. With the trace's search index (search-index.ts),
// every row's ids are written once as fixed-width text into one string (34 characters a row: span id, a
// space, parent id, a newline; spaces for none); a search is then a native scan of it, and a match's row is
// its offset divided by the width. Rows whose ids are not of that form (the index's rowsWithOddIds) are left
// blank here and searched directly.
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { writeWordId } from '../model/stored-span.ts';

const ROW_CHARS = 34;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The ids of `trace` as fixed-width text, row after row (see above), pausing every `rowsPerStep` rows. */
export function* idHaySteps(ds: Dataset, trace: TraceModel, oddRows: Int32Array, rowsPerStep: number): Generator<void, string> {
  const { spanIdx, numRows } = trace;
  const bytes = new Uint8Array(numRows * ROW_CHARS).fill(SPACE);
  for (let row = 0, k = 0; row < numRows; row++) {
    const at = row * ROW_CHARS;
    bytes[at + ROW_CHARS - 1] = NEWLINE;
    if (k < oddRows.length && oddRows[k] === row) k++;
    else {
      const s = ds.spans[spanIdx[row]!]!;
      writeWordId(s, 0, bytes, at);
      writeWordId(s, 2, bytes, at + 17);
    }
    if (row % rowsPerStep === rowsPerStep - 1) yield;
  }
  return new TextDecoder('latin1').decode(bytes);
}

/**
 * Marks in `hit` the rows whose ids in `hay` hold `needle` (lowercase hex digits, at most 16); rows already
 * marked are skipped, so a needle that is in every row's name (`e`) costs no scan of their ids.
 */
export function markIdHits(hay: string, needle: string, hit: Uint8Array): void {
  const numRows = hit.length;
  for (let row = 0; ; row++) {
    while (row < numRows && hit[row]) row++;
    if (row === numRows) return;
    const at = hay.indexOf(needle, row * ROW_CHARS);
    if (at < 0) return;
    row = Math.floor(at / ROW_CHARS);
    hit[row] = 1;
  }
}
