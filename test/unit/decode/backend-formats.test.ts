import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

describe('backend API responses of the same trace give the same tree', () => {
  const reference = checkDumpSnapshot('tempo-v2.json', fixture('tempo/api-v2/checkout-trace-by-id.json'), 'tempo-json');
  it('Tempo /api/v2/traces/{id}', () => {
    expect(reference).toMatchSnapshot();
  });
  it.each([
    ['tempo/api-v1/checkout-batches.json', 'tempo-json'],
    ['jaeger/api-v3/checkout-otlp-in-result.json', 'otlp-json'],
    ['jaeger/query-api/checkout-trace-by-id.json', 'jaeger-json'],
  ])('%s (%s)', (path, format) => {
    expect(checkDumpSnapshot(path, fixture(path), format)).toBe(reference);
  });
});

describe('Zipkin v2 JSON from the real OpenTelemetry Zipkin exporter', () => {
  const zipkin = fixture('zipkin/exporter-2.x/checkout-four-services.json');
  it('readable dump', () => {
    expect(checkDumpSnapshot('zipkin.json', zipkin, 'zipkin-json')).toMatchSnapshot();
  });
  it('gives the same ids, parentage, kinds, names, services, status and times (to the µs) as OTLP/JSON of the same spans', async () => {
    const { loadDataset } = await import('../../../src/core/load-dataset.ts');
    const norm = (ds: ReturnType<typeof loadDataset>) =>
      ds.spans.map((s, i) => [s.traceId, s.spanId, s.parentSpanId, s.kind, s.name, ds.services[ds.spanService[i]!], s.status.code, s.startNs / 1000n, s.endNs / 1000n].join(' ')).sort();
    const fromZipkin = loadDataset([{ name: 'z.json', bytes: zipkin }]);
    const fromOtlp = loadDataset([{ name: 'o.json', bytes: fixture('otlp/sdk-2.x/checkout-four-services.json') }]);
    expect(norm(fromZipkin)).toEqual(norm(fromOtlp));
    expect(fromZipkin.spans.every((s) => s.quirks !== 0)).toBe(true);
  });
});
