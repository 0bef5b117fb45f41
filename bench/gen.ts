// Generates large span sets with the real OpenTelemetry JS SDK for benchmarks: many traces shaped like a
// web request (a SERVER root, INTERNAL and CLIENT children with typical attributes, some DB calls, some
// errors), serialized by the real otlp-transformer.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { at, RandomLookingIdGenerator, SdkWorld } from '../test/support/sdk-world.ts';

export interface Generated {
  readonly spans: ReadableSpan[];
  readonly world: SdkWorld;
}

/**
 * How often attribute values repeat. 'repeating': almost every value recurs (a route, a step number, one
 * SQL statement), the best case for pooling. 'unique': each span also carries one value of its own, as real
 * spans do (a URL with an id and a session, SQL text with a literal, an item id).
 */
export type ValueShape = 'repeating' | 'unique';

/**
 * `numSpans` spans in traces of `spansPerTrace` (a root plus a fan of children, some nested). Give another
 * `idSeed` to make slices of one big set whose ids do not collide.
 */
export function generateSpans(numSpans: number, spansPerTrace = 100, idSeed = 99, values: ValueShape = 'repeating'): Generated {
  const unique = values === 'unique';
  const world = new SdkWorld(1, new RandomLookingIdGenerator(idSeed));
  const services = ['frontend', 'orders', 'inventory', 'billing'];
  let made = 0;
  for (let t = 0; made < numSpans; t++) {
    const base = t * 1000;
    const root = world.start('frontend', {
      name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: base,
      attributes: {
        'http.request.method': 'GET', 'http.route': '/orders/{id}', 'url.path': `/orders/${t}`, 'url.scheme': 'https', 'http.response.status_code': 200,
        ...(unique ? { 'url.full': `https://shop.example.com/orders/${t}?session=${(t * 7919) % 100_003}` } : {}),
      },
    });
    made++;
    let parent = root;
    for (let i = 1; i < spansPerTrace && made < numSpans; i++, made++) {
      const service = services[i % services.length]!;
      const isDb = i % 3 === 0;
      const s = world.start(service, {
        name: isDb ? 'SELECT shop.orders' : `step ${i % 17}`,
        kind: isDb ? SpanKind.CLIENT : SpanKind.INTERNAL,
        startMs: base + i * 0.5,
        attributes: isDb
          ? {
              'db.system.name': 'postgresql', 'db.collection.name': 'orders', 'db.operation.name': 'SELECT', 'server.address': 'db', 'server.port': 5432,
              ...(unique ? { 'db.query.text': `SELECT * FROM orders WHERE id = ${base + i} AND tenant = 'acme'` } : {}),
            }
          : { 'app.step': i, 'app.batch': `b-${t % 50}`, ...(unique ? { 'app.item.id': `item-${base + i}` } : {}) },
      }, i % 10 === 1 ? root : parent);
      if (i % 97 === 0) s.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
      s.end(at(base + i * 0.5 + 0.3 + (i % 7) * 0.1));
      if (i % 10 === 1) parent = s;
    }
    root.end(at(base + spansPerTrace));
  }
  return { spans: world.finished(), world };
}
