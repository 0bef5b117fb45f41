// A search's direct pass over rows whose attributes are kept as bytes (encoded-attributes.ts: OTLP/protobuf's,
// and OTLP/JSON's compact runs) answers an ASCII needle from the bytes (proto-attribute-search.ts,
// JsonAttributeCodec.holds), decoding no list, and finds what a decode finds.
import { describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { attr } from '../../../src/core/model/records.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { searchTrace } from '../../../src/core/query/search.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

describe('the direct search over attributes kept as bytes', () => {
  it('reads them without decoding a list, and finds the spans holding the needle', () => {
    const w = new SdkWorld(61);
    const root = w.start('shop', { name: 'batch', startMs: 0 });
    for (let i = 0; i < 2000; i++) {
      w.start('shop', { name: 'item', startMs: 1, attributes: { 'url.full': `https://Shop.example/orders/${i}`, 'app.step': i, 'http.request.method': 'GET' } }, root).end(2);
    }
    root.end(3);
    for (const ds of [loadDataset([{ name: 'own.pb', bytes: w.otlpProto() }]), loadDataset([{ name: 'own.json', bytes: new TextEncoder().encode(w.otlpJson()) }])]) expectFoundInPlace(ds);
  });
});

/** The direct pass reads `ds`'s lists kept as bytes in place, and finds what decoding them finds. */
function expectFoundInPlace(ds: Dataset): void {
  const table = ds.table!;
  const encodedRows = ds.spans.filter((s) => table.isEncoded((s as StoredSpan).row)).length;
  expect(encodedRows).toBeGreaterThan(1500);
  const decode = vi.spyOn(table.encoded, 'decode');
  const trace = ds.traces[0]!;
  // No index (its minimum above the trace's rows): the direct pass.
  const hits = searchTrace(ds, trace, 'orders/1234', Infinity);
  const steps = searchTrace(ds, trace, '1777', Infinity);
  expect(decode).not.toHaveBeenCalled();
  decode.mockRestore();
  const url = (row: number): string => {
    const v = attr(ds.span(trace.spanIdx[row]!).attributes, 'url.full');
    return v?.type === 'string' ? v.value : '';
  };
  expect([...hits].map(url)).toEqual(['https://Shop.example/orders/1234']);
  // An int value is found by its decimal text, as in a decoded list.
  expect([...steps].map((row) => attr(ds.span(trace.spanIdx[row]!).attributes, 'app.step'))).toEqual([{ type: 'int', value: '1777' }]);
}
