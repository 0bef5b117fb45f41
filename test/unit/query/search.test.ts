import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { searchTrace } from '../../../src/core/query/search.ts';
import { deriveRows, keepWithAncestors } from '../../../src/core/model/rows.ts';

const ds = loadDataset([{ name: 'demo.json', bytes: new Uint8Array(readFileSync(new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.json', import.meta.url))) }]);
const trace = ds.traces.find((t) => t.numRows === 11)!;
const names = (rows: Int32Array): string[] => [...rows].map((r) => `${ds.services[ds.spanService[trace.spanIdx[r]!]!]}:${ds.span(trace.spanIdx[r]!).name}`);

describe('in-trace search', () => {
  it('matches names case-insensitively, in waterfall order', () => {
    expect(names(searchTrace(ds, trace, 'insert'))).toEqual(['payments:INSERT shop.payments']);
    expect(names(searchTrace(ds, trace, 'cart/{ID}'))).toEqual(['storefront:GET /cart/{id}', 'cart:GET /cart/{id}']);
  });
  it('matches services, attribute keys and values, event attributes and ids', () => {
    expect(names(searchTrace(ds, trace, 'payments')).length).toBeGreaterThanOrEqual(5);
    expect(names(searchTrace(ds, trace, 'db.query.text'))).toEqual(['cart:SELECT shop.cart_items']);
    expect(names(searchTrace(ds, trace, 'ProcessorTimeoutError'))).toEqual(['payments:shop.payments.PaymentService/Charge']);
    const someId = ds.span(trace.spanIdx[4]!).spanId;
    expect([...searchTrace(ds, trace, someId)]).toContain(4);
    expect(searchTrace(ds, trace, '   ')).toHaveLength(0);
  });
  it('"show matches only" keeps the matches and their ancestors', () => {
    const matches = searchTrace(ds, trace, 'insert');
    expect(names(deriveRows(trace, { keep: keepWithAncestors(trace, matches) }))).toEqual([
      'storefront:POST /checkout',
      'storefront:shop.payments.PaymentService/Charge',
      'payments:shop.payments.PaymentService/Charge',
      'payments:INSERT shop.payments',
    ]);
  });
});
