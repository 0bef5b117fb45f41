import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { spanDetails } from '../../../src/core/model/details.ts';
import { buildReport } from '../../../src/core/report.ts';

describe('attribute keys such as __proto__ and constructor', () => {
  it('stay plain data and pollute no prototype', () => {
    const kv = (key: string) => ({ key, value: { kvlistValue: { values: [{ key: 'polluted', value: { stringValue: 'yes' } }] } } });
    const text = JSON.stringify({
      resourceSpans: [{
        resource: { attributes: [kv('__proto__'), kv('constructor')] },
        scopeSpans: [{ scope: { name: '__proto__' }, spans: [{
          traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: '__proto__', kind: 1,
          startTimeUnixNano: '1714564800000000000', endTimeUnixNano: '1714564800001000000',
          attributes: [kv('__proto__'), kv('constructor'), kv('prototype')],
        }] }],
      }],
    }).replace(/"key":"__proto__"/g, '"key":"__proto__"');
    const ds = loadDataset([{ name: 'p.json', bytes: new TextEncoder().encode(text) }]);
    const details = spanDetails(ds, ds.traces[0]!, 0)!;
    const report = buildReport(ds);
    expect(details.attributes.map((a) => a.key)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(JSON.stringify(report)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
