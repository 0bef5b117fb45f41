// Fetching a trace by id from a real local HTTP server that answers like Tempo and Jaeger.
import { afterEach, describe, expect, it } from 'vitest';
import { TraceStore } from '../../../workers/trace-store.ts';
import { dumpDataset } from '../../../src/core/model/dump.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { backendTrace, jaegerV1Body, startFakeBackend, type FakeBackend, type Route } from '../../support/fake-backends.ts';

const t = backendTrace();
const reference = dumpDataset(loadDataset([{ name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(t.otlp)) }]));
let backend: FakeBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

async function fetchWith(kind: 'tempo' | 'jaeger', route: Route, options: { headers?: Record<string, string>; timeoutMs?: number } = {}) {
  backend = await startFakeBackend(route);
  const store = new TraceStore();
  const result = await store.fetchTrace({ kind, baseUrl: `${backend.baseUrl}/`, ...options }, t.traceId.toUpperCase());
  return { store, result, requests: backend.requests };
}

describe('fetching a trace from a backend', () => {
  it('Tempo: /api/v2/traces/{id} ({"trace": …}), with the tenant and auth headers sent', async () => {
    const { store, result, requests } = await fetchWith('tempo', (path) => (path === `/api/v2/traces/${t.traceId}` ? { status: 200, body: { trace: t.otlp } } : undefined), {
      headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer abc' },
    });
    expect(result.ok).toBe(true);
    expect(dumpDataset(store.data)).toBe(reference);
    expect(store.inputs()[0]!.format).toBe('tempo-json');
    expect(requests[0]!.headers['x-scope-orgid']).toBe('team-a');
    expect(requests[0]!.headers.authorization).toBe('Bearer abc');
  });

  it('Tempo: falls back to /api/traces/{id} ({"batches": …}) when v2 is not there', async () => {
    const batches = { batches: (t.otlp as { resourceSpans: unknown }).resourceSpans };
    const { store, result, requests } = await fetchWith('tempo', (path) => (path === `/api/traces/${t.traceId}` ? { status: 200, body: batches } : undefined));
    expect(result.ok).toBe(true);
    expect(requests.map((r) => r.url)).toEqual([`/api/v2/traces/${t.traceId}`, `/api/traces/${t.traceId}`]);
    expect(dumpDataset(store.data)).toBe(reference);
  });

  it('Jaeger: /api/v3/traces/{id} (OTLP in "result")', async () => {
    const { store, result } = await fetchWith('jaeger', (path) => (path === `/api/v3/traces/${t.traceId}` ? { status: 200, body: { result: t.otlp } } : undefined));
    expect(result.ok).toBe(true);
    expect(store.inputs()[0]!.format).toBe('otlp-json');
    expect(dumpDataset(store.data)).toBe(reference);
  });

  it('Jaeger: falls back to /api/traces/{id} (Jaeger JSON, microseconds)', async () => {
    const { store, result } = await fetchWith('jaeger', (path) => (path === `/api/traces/${t.traceId}` ? { status: 200, body: jaegerV1Body(t.spans) } : undefined));
    expect(result.ok).toBe(true);
    expect(store.inputs()[0]!.format).toBe('jaeger-json');
    expect(dumpDataset(store.data)).toBe(reference);
  });

  it.each([
    [401, 'auth', /Authorization.*X-Scope-OrgID/],
    [403, 'auth', /Forbidden/],
    [500, 'http', /HTTP 500/],
  ] as const)('HTTP %i is explained (%s) and not retried on the older API', async (status, code, message) => {
    const { result, requests } = await fetchWith('tempo', () => ({ status }));
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toMatch(message);
    expect(requests).toHaveLength(1);
  });

  it('404 on both APIs means the trace is not there', async () => {
    const { result, requests } = await fetchWith('jaeger', () => undefined);
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
    expect(!result.ok && result.message).toMatch(/retention|tenant|flushed/);
    expect(requests).toHaveLength(2);
  });

  it('a slow backend hits the timeout with a plain explanation', async () => {
    const { result } = await fetchWith('tempo', () => ({ status: 200, body: { trace: t.otlp }, delayMs: 2000 }), { timeoutMs: 150 });
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('an unreachable backend explains CORS, the CSP and the proxy option', async () => {
    const store = new TraceStore();
    const result = await store.fetchTrace({ kind: 'tempo', baseUrl: 'http://127.0.0.1:9' }, t.traceId);
    expect(result).toMatchObject({ ok: false, code: 'cors-or-network' });
    expect(!result.ok && result.message).toMatch(/Access-Control-Allow-Origin.*connect-src.*proxy/s);
  });

  it('refuses something that is not a trace id without a request', async () => {
    const store = new TraceStore();
    expect(await store.fetchTrace({ kind: 'tempo', baseUrl: 'http://127.0.0.1:9' }, 'not-an-id')).toMatchObject({ ok: false, code: 'invalid-id' });
  });
});
