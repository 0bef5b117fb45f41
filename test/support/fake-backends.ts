// A real HTTP server on 127.0.0.1 that answers like Tempo and Jaeger query APIs, with response bodies in
// the shapes those APIs return, made from real SDK spans. Only loopback traffic; it stops when closed.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SdkWorld } from './sdk-world.ts';

const us = (t: [number, number]): number => t[0] * 1e6 + Math.round(t[1] / 1e3);
const KIND = ['internal', 'server', 'client', 'producer', 'consumer'];

/** Jaeger's `/api/traces/{id}` shape (jaeger-ui src/types/trace.ts), as Jaeger's OTLP translator writes it. */
export function jaegerV1Body(spans: readonly ReadableSpan[]): unknown {
  const processes = new Map<string, { serviceName: string; tags: unknown[] }>();
  const processOf = (s: ReadableSpan): string => {
    const name = String(s.resource.attributes['service.name']);
    const key = `p${[...processes.keys()].length + 1}`;
    for (const [k, p] of processes) if (p.serviceName === name) return k;
    processes.set(key, { serviceName: name, tags: Object.entries(s.resource.attributes).filter(([k]) => k !== 'service.name').map(([k, v]) => ({ key: k, type: 'string', value: String(v) })) });
    return key;
  };
  const tag = (key: string, value: unknown) => ({ key, type: typeof value === 'number' ? (Number.isInteger(value) ? 'int64' : 'float64') : typeof value === 'boolean' ? 'bool' : 'string', value });
  const traceID = spans[0]!.spanContext().traceId;
  return {
    data: [{
      traceID,
      spans: spans.map((s) => ({
        traceID: s.spanContext().traceId,
        spanID: s.spanContext().spanId,
        operationName: s.name,
        references: s.parentSpanContext ? [{ refType: 'CHILD_OF', traceID: s.parentSpanContext.traceId, spanID: s.parentSpanContext.spanId }] : [],
        startTime: us(s.startTime),
        duration: us(s.endTime) - us(s.startTime),
        tags: [
          ...Object.entries(s.attributes).map(([k, v]) => tag(k, v)),
          tag('span.kind', KIND[s.kind]),
          tag('otel.scope.name', s.instrumentationScope.name),
          ...(s.status.code === 2 ? [tag('otel.status_code', 'ERROR'), tag('error', true), tag('otel.status_description', s.status.message ?? '')] : []),
        ],
        logs: s.events.map((e) => ({ timestamp: us(e.time as [number, number]), fields: [tag('event', e.name), ...Object.entries(e.attributes ?? {}).map(([k, v]) => tag(k, v))] })),
        processID: processOf(s),
        warnings: null,
      })),
      processes: Object.fromEntries(processes),
      warnings: null,
    }],
    total: 0, limit: 0, offset: 0, errors: null,
  };
}

export interface FakeBackend {
  readonly baseUrl: string;
  readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export type Route = (path: string, headers: IncomingHttpHeaders) => { status: number; body?: unknown; delayMs?: number } | undefined;

export async function startFakeBackend(route: Route): Promise<FakeBackend> {
  const requests: FakeBackend['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const answer = route(req.url ?? '', req.headers) ?? { status: 404, body: { error: 'not found' } };
    const send = (): void => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A two-service trace from the real SDK, as OTLP JSON and as its spans. */
export function backendTrace(): { traceId: string; otlp: unknown; spans: ReadableSpan[] } {
  const w = new SdkWorld(77);
  const root = w.start('gateway', { name: 'GET /orders/{id}', kind: 2, startMs: 0, attributes: { 'http.request.method': 'GET' } });
  const call = w.span('gateway', { name: 'GET', kind: 3, startMs: 1, endMs: 8 }, root);
  w.span('orders', { name: 'GET /orders/{id}', kind: 2, startMs: 2, endMs: 7 }, w.hop(call).context);
  root.end([1714564800, 10_000_000]);
  return { traceId: root.spanContext().traceId, otlp: JSON.parse(w.otlpJson()), spans: w.finished() };
}
