// A search for hex digits in a big trace's ids (search.ts), without forming each id's text: the builder keeps
// ids as words (model/span-columns.ts), and forming two strings per row for every such search took a
// million-row search for `dead` from 88-104 ms to 165-356 ms. With the trace's search index (search-index.ts),
// every row's ids are written once as fixed-width text into one string (34 characters a row: span id, a
// space, parent id, a newline; spaces for none); a search is then a native scan of it, and a match's row is
// its offset divided by the width. Rows whose ids are not of that form (the index's rowsWithOddIds) are left
// blank here and searched directly. Without an index (small traces, or a big one's while it builds), a needle
// of up to 8 hex digits is tested against each id's words, window by window (`wordsHold`).
import type { Dataset, TraceModel } from '../model/assemble.ts';
import { IdForm, type SpanColumns } from '../model/span-columns.ts';
import type { SpanRecord } from '../model/records.ts';
import { isLowerHex, type StoredSpan, writeWordId } from '../model/stored-span.ts';

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
      const s = ds.span(spanIdx[row]!);
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

/** A needle of 1-8 lowercase hex digits as a number: `value` holds `length` digits. */
export interface HexNeedle {
  readonly value: number;
  readonly length: number;
}

/** The needle as a HexNeedle when it is 1-8 lowercase hex digits, else null. */
export function hexNeedle(needle: string): HexNeedle | null {
  return needle !== '' && needle.length <= 8 && isLowerHex(needle) ? { value: parseInt(needle, 16) | 0, length: needle.length } : null;
}

/**
 * Whether a stored span's ids hold `needle` (lowercase; `hex` when it is hex digits, `short` when 1-8 of them).
 * Ids kept as words are lowercase hex, so only a hex needle can be in one, and a short one is tested from the
 * words, no text formed: the direct pass, used while a big trace's index builds, formed two strings a row.
 */
export function storedIdsHold(s: StoredSpan, needle: string, hex: boolean, short: HexNeedle | null): boolean {
  return rowIdsHold(s.table.columns, s.row, needle, hex, short);
}

/** storedIdsHold of the span at `row` of `columns`. */
export function rowIdsHold(columns: SpanColumns, row: number, needle: string, hex: boolean, short: HexNeedle | null): boolean {
  const spanForm = columns.form(row, 0);
  const parentForm = columns.form(row, 2);
  if (spanForm === IdForm.TEXT || parentForm === IdForm.TEXT) return rowIdTextsHold(columns, row, needle);
  if (!hex) return false;
  if (short === null) return rowIdTextsHold(columns, row, needle);
  return (spanForm === IdForm.WORDS && wordsHold(columns.word(row, 0), columns.word(row, 1), short)) || (parentForm === IdForm.WORDS && wordsHold(columns.word(row, 2), columns.word(row, 3), short));
}

function rowIdTextsHold(columns: SpanColumns, row: number, needle: string): boolean {
  return columns.spanId(row).includes(needle) || columns.parentId(row).includes(needle);
}

/** Ids are compared as they are (not lowercased): decoders give well-formed ones in lowercase hex. */
export function idTextsHold(s: SpanRecord, needle: string): boolean {
  return s.spanId.includes(needle) || s.parentSpanId.includes(needle);
}

/** Whether the 16 hex digits of an id's words `hi`, `lo` hold the needle's digits, window by window. */
export function wordsHold(hi: number, lo: number, needle: HexNeedle): boolean {
  const { value, length } = needle;
  const mask = length === 8 ? -1 : (1 << (4 * length)) - 1;
  // The window of digits [end - length, end); digit 0 is hi's top four bits.
  for (let end = length; end <= 16; end++) {
    let w: number;
    if (end <= 8) w = hi >>> (4 * (8 - end));
    else if (end - length >= 8) w = lo >>> (4 * (16 - end));
    else w = (hi << (4 * (end - 8))) | (lo >>> (4 * (16 - end)));
    if (((w ^ value) & mask) === 0) return true;
  }
  return false;
}
