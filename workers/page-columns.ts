// A trace's waterfall columns as the page receives them: every column is a transferred typed array, the span
// ids too, as the UTF-16 code units of all rows' ids one after another with each row's end. As 200,000
// separate strings the ids cost the page 52-86 ms to read out of the message on opening a 200k-span trace
// (Chromium, inside tasks of 131-202 ms); as one string, 34-48 ms at 1M rows (its 16M characters are copied
// by the structured clone); transferred, nothing. The page cuts a row's id out when it needs it
// (src/app/span-ids.ts).
import type { Dataset, TraceModel } from '../src/core/model/assemble.ts';
import type { Fans } from '../src/core/model/fans.ts';
import { IdForm, writeWordsHex, type SpanColumns } from '../src/core/model/span-columns.ts';
import { rowSpanIds, waterfallNumbers, type WaterfallColumns } from '../src/core/model/waterfall.ts';
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
  return { ...rest, ...idUnits(spanIds) };
}

/**
 * A trace's page columns, the same as `pageColumns(waterfallColumns(ds, trace, fans))`. Span ids kept as
 * words by the builder (span-columns.ts) are written as hex digits straight into the code units, no string
 * made: at 1M rows the ids' strings, their join and its encoding were about half of opening the trace.
 */
export function tracePageColumns(ds: Dataset, trace: TraceModel, fans?: Fans): PageColumns {
  const columns = ds.table?.columns;
  const ids = columns ? wordIdUnits(columns, trace.spanIdx) : null;
  return { ...waterfallNumbers(ds, trace, fans), ...(ids ?? idUnits(rowSpanIds(ds, trace))) };
}

type IdUnits = Pick<PageColumns, 'spanIdUnits' | 'spanIdEnds'>;

function idUnits(spanIds: readonly string[]): IdUnits {
  const spanIdEnds = new Int32Array(spanIds.length);
  let end = 0;
  for (let row = 0; row < spanIds.length; row++) spanIdEnds[row] = end += spanIds[row]!.length;
  return { spanIdUnits: codeUnits(spanIds.join('')), spanIdEnds };
}

/** The ids of rows `spanIdx` from the columns, or null when one is text with a code unit above 0xff (rare). */
export function wordIdUnits(columns: SpanColumns, spanIdx: Int32Array): IdUnits | null {
  const n = spanIdx.length;
  const spanIdEnds = new Int32Array(n);
  let end = 0;
  for (let row = 0; row < n; row++) {
    const i = spanIdx[row]!;
    const form = columns.form(i, 0);
    const length = form === IdForm.WORDS ? 16 : form === IdForm.NONE ? 0 : columns.spanId(i).length;
    spanIdEnds[row] = end += length;
  }
  const units = new Uint8Array(end);
  for (let row = 0, at = 0; row < n; at = spanIdEnds[row++]!) {
    const i = spanIdx[row]!;
    const form = columns.form(i, 0);
    if (form === IdForm.WORDS) writeWordsHex(columns.word(i, 0), columns.word(i, 1), units, at);
    else if (form === IdForm.TEXT) {
      const text = columns.spanId(i);
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c > 0xff) return null;
        units[at + k] = c;
      }
    }
  }
  return { spanIdUnits: units, spanIdEnds };
}

/** The typed arrays of PageColumns, for comlink's transfer list. */
export function pageColumnBuffers(c: PageColumns): ArrayBuffer[] {
  return [c.startNs, c.durNs, c.depth, c.subtreeEnd, c.service, c.flags, c.kind, c.nameIdx, c.fanOf, c.spanIdEnds, c.spanIdUnits].map((a) => a.buffer as ArrayBuffer);
}
