// Trace files for the e2e tests, made in the test with the real OpenTelemetry SDK (never hand-written JSON).
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SdkWorld } from '../../support/sdk-world.ts';

export interface TraceFile {
  readonly name: string;
  readonly text: string;
}

export interface OrderTrace {
  readonly traceId: string;
  /** Span ids in the waterfall's order: pre-order, siblings by start time. */
  readonly spanIdsInOrder: readonly string[];
  readonly ids: { root: string; client: string; server: string; query: string };
  readonly spans: readonly ReadableSpan[];
  readonly world: SdkWorld;
}

/**
 * An order lookup across two services: `orders` (SERVER root, CLIENT call) → `inventory` (SERVER, a DB
 * query that fails). The root starts 12.345678 ms (12 345 678 ns) after the epoch so full-ns display can be checked.
 */
export function orderTrace(seed = 41): OrderTrace {
  const w = new SdkWorld(seed);
  const root = w.start('orders', {
    name: 'GET /orders/{id}',
    kind: SpanKind.SERVER,
    startMs: 12.345678,
    attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200, 'app.cache_hit': true, 'app.ratio': 0.25, 'app.tags': ['a', 'b'] },
  });
  const client = w.start('orders', { name: 'GET inventory', kind: SpanKind.CLIENT, startMs: 14 }, root);
  const server = w.start('inventory', { name: 'GET /stock', kind: SpanKind.SERVER, startMs: 15 }, w.hop(client).context);
  const query = w.start('inventory', { name: 'SELECT stock', kind: SpanKind.CLIENT, startMs: 16, attributes: { 'db.system.name': 'postgresql' } }, server);
  query.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock detected' });
  query.addEvent('retry', { attempt: 2 }, [1714564800, 20_000_000]);
  query.end([1714564800, 30_000_000]);
  server.end([1714564800, 31_000_000]);
  client.end([1714564800, 32_000_000]);
  root.end([1714564800, 40_000_000]);
  const id = (s: { spanContext(): { spanId: string } }) => s.spanContext().spanId;
  const ids = { root: id(root), client: id(client), server: id(server), query: id(query) };
  return {
    traceId: root.spanContext().traceId,
    spanIdsInOrder: [ids.root, ids.client, ids.server, ids.query],
    ids,
    spans: w.finished(),
    world: w,
  };
}

/** The whole trace as one OTLP/JSON file. */
export function oneFile(t: OrderTrace, name = 'orders.otlp.json'): TraceFile {
  return { name, text: t.world.otlpJson() };
}

/** The trace split the way two services export it: one file per service. */
export function filePerService(t: OrderTrace): TraceFile[] {
  const services = [...new Set(t.spans.map((s) => String(s.resource.attributes['service.name'])))];
  return services.map((service) => ({
    name: `${service}.otlp.json`,
    text: t.world.otlpJson(t.spans.filter((s) => s.resource.attributes['service.name'] === service)),
  }));
}

/** OTLP/JSON cut off mid-way: what a crashed exporter or a partial download leaves. */
export function truncatedFile(t: OrderTrace, name = 'broken.otlp.json'): TraceFile {
  const text = t.world.otlpJson();
  return { name, text: text.slice(0, Math.floor(text.length / 2)) };
}
