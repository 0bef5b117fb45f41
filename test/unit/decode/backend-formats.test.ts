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
