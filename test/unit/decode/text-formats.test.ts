import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

describe('collector debug exporter (newer spelling: Str(), Server, Error)', () => {
  const path = 'collector-debug/v0.100-detailed/checkout-with-event-and-link.txt';
  it('readable dump', () => {
    expect(checkDumpSnapshot(path, fixture(path), 'collector-debug')).toMatchSnapshot();
  });
  it('reads typed attributes, nanosecond times, status, events and links exactly', () => {
    const ds = loadDataset([{ name: 'x', bytes: fixture(path) }]);
    const [server, producer] = ds.spans;
    expect(server).toMatchObject({ kind: 2, status: { code: 2, message: 'payment declined' }, startNs: 1714564800100000001n, endNs: 1714564800350000002n });
    expect(server!.attributes.find((a) => a.key === 'http.response.status_code')!.value).toEqual({ type: 'int', value: '502' });
    expect(server!.events[0]).toMatchObject({ name: 'exception', timeNs: 1714564800340000000n });
    expect(server!.events[0]!.attributes.map((a) => a.key)).toEqual(['exception.type', 'exception.message']);
    expect(producer!.links[0]).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' });
    expect(producer!.links[0]!.attributes).toEqual([{ key: 'link.reason', value: { type: 'string', value: 'batched' } }]);
    expect(ds.scopes[server!.scopeIdx]).toMatchObject({ name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: '0.51.0' });
    expect(ds.resources[server!.resourceIdx]!.attributes.map((a) => a.key)).toEqual(['service.name', 'service.version', 'telemetry.sdk.language']);
  });
});

describe('python console exporter', () => {
  it('reads ids, kinds, ISO times to the microsecond, status descriptions, events and links', () => {
    const text = JSON.stringify({
      name: 'GET /cart', context: { trace_id: '0x0af7651916cd43dd8448eb211c80319c', span_id: '0xb7ad6b7169203331', trace_state: '[]' },
      kind: 'SpanKind.CLIENT', parent_id: null, start_time: '2024-05-01T12:00:00.000001Z', end_time: '2024-05-01T12:00:00.250002Z',
      status: { status_code: 'ERROR', description: 'timeout' }, attributes: { 'http.request.method': 'GET', retries: 2, ratio: 0.5, tags: ['a', 'b'] },
      events: [{ name: 'exception', timestamp: '2024-05-01T12:00:00.200000Z', attributes: { 'exception.type': 'Timeout' } }],
      links: [{ context: { trace_id: '0x4bf92f3577b34da6a3ce929d0e0e4736', span_id: '0x00f067aa0ba902b7', trace_state: '[]' }, attributes: {} }],
      resource: { attributes: { 'service.name': 'cart' }, schema_url: '' },
    }, null, 4);
    const ds = loadDataset([{ name: 'out.txt', bytes: new TextEncoder().encode(`starting...\n${text}\ndone\n`) }]);
    expect(ds.inputs[0]!.format).toBe('python-console');
    const s = ds.span(0);
    expect(s).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', parentSpanId: '', kind: 3, status: { code: 2, message: 'timeout' } });
    expect(s.endNs - s.startNs).toBe(250_001_000n);
    expect(s.attributes.map((a) => a.value.type)).toEqual(['string', 'int', 'double', 'array']);
    expect(s.events[0]!.timeNs - s.startNs).toBe(199_999_000n);
    expect(s.links[0]).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
    expect(s.droppedAttributesCount).toBeNull();
    expect(ds.inputs[0]!.errors.map((e) => e.message)).toEqual(['skipped 2 lines that are not spans (program output)']);
  });
});

describe('python console fixture', () => {
  const path = 'python-console/sdk-1.2x/server-error-with-db-child-between-log-lines.txt';
  it('readable dump (child printed before its parent, log lines around)', () => {
    expect(checkDumpSnapshot(path, fixture(path), 'python-console')).toMatchSnapshot();
  });
});
