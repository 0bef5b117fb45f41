// The span ids of a trace's rows cross to the page as the code units of all of them, transferred, with each
// row's end; the page cuts each row's id back out of them (src/app/span-ids.ts). Real SDK spans, and ids a malformed dump can hold.
import { describe, expect, it } from 'vitest';
import { rowOfSpanId, rowsOfSpanIds, spanIdAt } from '../../../src/app/span-ids.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { waterfallColumns, type WaterfallColumns } from '../../../src/core/model/waterfall.ts';
import { pageColumnBuffers, pageColumns, tracePageColumns, wordIdUnits } from '../../../workers/page-columns.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { assemble } from '../../../src/core/model/assemble.ts';
import type { SpanInput } from '../../../src/core/model/records.ts';
import { generateSpans } from '../../../bench/gen.ts';

function sdkColumns(): WaterfallColumns {
  const { world, spans } = generateSpans(300, 100, 5);
  const ds = loadDataset([{ name: 'sdk.json', bytes: new TextEncoder().encode(world.otlpJson(spans)) }]);
  return waterfallColumns(ds, ds.traces[0]!);
}

describe('page columns', () => {
  it("gives back every row's span id of an SDK trace, and finds rows by id", () => {
    const cols = sdkColumns();
    const page = pageColumns(cols);
    expect(cols.numRows).toBe(100);
    expect(Array.from({ length: cols.numRows }, (_, row) => spanIdAt(page, row))).toEqual(cols.spanIds);
    const rows = rowsOfSpanIds(page, [cols.spanIds[42]!, cols.spanIds[0]!, 'not-an-id']);
    expect(rows).toEqual(new Map([[cols.spanIds[42], 42], [cols.spanIds[0], 0]]));
    cols.spanIds.forEach((id, row) => expect(rowOfSpanId(page, id)).toBe(row));
    // Every row's id asked for at once (a first look's collapse-all kept at the load's end).
    expect(rowsOfSpanIds(page, [...cols.spanIds, 'not-an-id'])).toEqual(new Map(cols.spanIds.map((id, row) => [id, row])));
    expect('spanIds' in page).toBe(false);
    // Hex ids take one byte per character.
    expect(page.spanIdUnits).toBeInstanceOf(Uint8Array);
    expect(page.spanIdUnits.length).toBe(16 * cols.numRows);
  });

  it('keeps ids of any length and text, and an empty one, in their rows', () => {
    const odd = ['', 'ABC', 'ß→🙂', '0123456789abcdef0123', 'x'];
    const page = pageColumns({ ...sdkColumns(), spanIds: odd, numRows: odd.length });
    expect(odd.map((_, row) => spanIdAt(page, row))).toEqual(odd);
    expect(rowsOfSpanIds(page, ['x', '']).get('x')).toBe(4);
    expect(rowsOfSpanIds(page, ['x', '']).get('')).toBe(0);
    expect(page.spanIdUnits).toBeInstanceOf(Uint16Array);
  });

  it('gives back exactly what a JSON escape can make of an id: Latin-1 text, a lone surrogate, a very long id', () => {
    const latin = ['café', 'ÿ'];
    const latinPage = pageColumns({ ...sdkColumns(), spanIds: latin, numRows: latin.length });
    expect(latinPage.spanIdUnits).toBeInstanceOf(Uint8Array);
    expect(latin.map((_, row) => spanIdAt(latinPage, row))).toEqual(latin);
    expect(rowOfSpanId(latinPage, 'ÿ')).toBe(1);

    const long = 'f'.repeat(70_000);
    const odd = ['ab\ud800', long, '\udc00z'];
    const page = pageColumns({ ...sdkColumns(), spanIds: odd, numRows: odd.length });
    expect(odd.map((_, row) => spanIdAt(page, row))).toEqual(odd);
    expect(rowOfSpanId(page, long)).toBe(1);
    expect(rowOfSpanId(page, '\udc00z')).toBe(2);
    expect(rowOfSpanId(page, 'ab\ufffd')).toBe(-1);
  });

  it("finds an id only where a row's id is exactly it: not inside a longer one, not across two rows", () => {
    const ids = ['abab', 'ab', 'xa', 'bz', 'ab'];
    const page = pageColumns({ ...sdkColumns(), spanIds: ids, numRows: ids.length });
    expect(rowOfSpanId(page, 'ab')).toBe(1); // "ab" opens row 0's "abab" first, and repeats in row 4
    expect(rowOfSpanId(page, 'ba')).toBe(-1); // inside "abab"
    expect(rowOfSpanId(page, 'abx')).toBe(-1); // "ab" + "xa" across rows 1 and 2
    expect(rowOfSpanId(page, 'bz')).toBe(3);
    expect(rowOfSpanId(page, '')).toBe(-1);
  });

  it('transfers the ids and their ends with the other typed arrays', () => {
    const page = pageColumns(sdkColumns());
    const buffers = pageColumnBuffers(page);
    expect(buffers).toContain(page.spanIdUnits.buffer);
    expect(buffers).toContain(page.spanIdEnds.buffer);
    expect(buffers).toContain(page.startNs.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it("writes a loaded trace's ids from the builder's words as its strings would read: every id form, and wide text", () => {
    const { world, spans } = generateSpans(300, 100, 5);
    const ds = loadDataset([{ name: 'sdk.pb', bytes: world.otlpProto(spans) }]);
    expect(ds.table).toBeDefined();
    for (const trace of ds.traces) {
      expect(tracePageColumns(ds, trace)).toEqual(pageColumns(waterfallColumns(ds, trace)));
      // Written from the words, not through the strings' fallback (which gives the same columns).
      expect(wordIdUnits(ds.table!.columns, trace.spanIdx)).not.toBeNull();
    }

    const span = (spanId: string, parentSpanId: string, start: number): SpanInput => ({
      traceId: 'a'.repeat(32), spanId, parentSpanId, traceState: '', flags: null, name: 'n', kind: 1, startNs: BigInt(start), endNs: BigInt(start + 1),
      attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: { code: 0, message: '' },
      resourceIdx: 0, scopeIdx: 0, where: 'w', quirks: 0,
    });
    const forms = [['00000000000000aa', ''], ['', '00000000000000aa'], ['ABC', '00000000000000aa'], ['café', '00000000000000aa'], ['0123456789abcdef0123', '']];
    const latin = new DatasetBuilder();
    forms.forEach(([id, parent], i) => latin.beginInput('x').sink.addSpan(span(id!, parent!, i)));
    const latinDs = assemble(latin);
    const page = tracePageColumns(latinDs, latinDs.traces[0]!);
    expect(page).toEqual(pageColumns(waterfallColumns(latinDs, latinDs.traces[0]!)));
    expect(page.spanIdUnits).toBeInstanceOf(Uint8Array);
    expect(wordIdUnits(latinDs.table!.columns, latinDs.traces[0]!.spanIdx)).not.toBeNull();

    const wide = new DatasetBuilder();
    [...forms, ['ß→🙂', '00000000000000aa']].forEach(([id, parent], i) => wide.beginInput('x').sink.addSpan(span(id!, parent!, i)));
    const wideDs = assemble(wide);
    const widePage = tracePageColumns(wideDs, wideDs.traces[0]!);
    expect(widePage).toEqual(pageColumns(waterfallColumns(wideDs, wideDs.traces[0]!)));
    expect(widePage.spanIdUnits).toBeInstanceOf(Uint16Array);
    expect(wordIdUnits(wideDs.table!.columns, wideDs.traces[0]!.spanIdx)).toBeNull();
  });
});
