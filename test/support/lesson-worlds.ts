// The example traces of Learn mode (src/core/learn/lessons.ts), made with the real OpenTelemetry JS SDK 2.x.
// Each lesson gets one file of small traces showing the good shape next to the broken one the lesson names.
// Where a bug needs SDK configuration the demo never uses (a sampler, a pinned id, an un-ended span), the
// world configures the SDK that way rather than editing its output. Written to public/lessons/ by
// `npm run lessons` (scripts/make-lessons.ts).
import { SpanKind, SpanStatusCode, trace, ROOT_CONTEXT, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  SamplingDecision,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type IdGenerator,
  type ReadableSpan,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { at, RandomLookingIdGenerator, SdkWorld } from './sdk-world.ts';

const HTTP = '@opentelemetry/instrumentation-http';
const KAFKA = '@opentelemetry/instrumentation-kafkajs';

const server = (method: string, route: string, path = route): Attributes => ({
  'http.request.method': method, 'http.route': route, 'url.path': path, 'url.scheme': 'https', 'http.response.status_code': 200,
});
const client = (method: string, host: string, path: string): Attributes => ({
  'http.request.method': method, 'server.address': host, 'server.port': 443, 'url.full': `https://${host}${path}`, 'http.response.status_code': 200,
});

const SDK_ATTRS = Object.fromEntries(
  Object.entries(defaultResource().attributes).filter(([k]) => k.startsWith('telemetry.sdk.')),
) as Attributes;

/** A full resource, so the lessons show only the problems they teach. */
function resource(service: string): Attributes {
  return { ...SDK_ATTRS, 'service.name': service, 'service.version': '1.0.0', 'service.instance.id': `${service}-1`, 'deployment.environment.name': 'learn' };
}

function world(seed: number, services: readonly string[]): SdkWorld {
  const w = new SdkWorld(seed, new RandomLookingIdGenerator(seed));
  for (const s of services) w.provider(s, resource(s));
  return w;
}

/** A provider with its own sampler and processor, sharing the world's ids (SdkWorld's providers always sample). */
function sampledProvider(w: SdkWorld, service: string, sampler: Sampler, processor: SpanProcessor, ids: IdGenerator = w.ids) {
  return new BasicTracerProvider({ resource: resourceFromAttributes(resource(service)), idGenerator: ids, sampler, spanProcessors: [processor] }).getTracer(HTTP, '1.0.0');
}

function under(parent: Span | Context): Context {
  return 'spanContext' in parent ? trace.setSpan(ROOT_CONTEXT, parent) : parent;
}

/** Lesson 1: a complete trace, and the part of another that one service exported on its own. */
function traceBasics(): string {
  const w = world(101, ['storefront', 'catalog']);
  const page = w.start('storefront', { name: 'GET /products/{id}', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('GET', '/products/{id}', '/products/7') });
  const render = w.start('storefront', { name: 'render product page', startMs: 1 }, page);
  const call = w.start('storefront', { name: 'GET', kind: SpanKind.CLIENT, startMs: 2, scope: HTTP, attributes: client('GET', 'catalog', '/items/7') }, render);
  const item = w.start('catalog', { name: 'GET /items/{id}', kind: SpanKind.SERVER, startMs: 3, scope: HTTP, attributes: server('GET', '/items/{id}', '/items/7') }, w.hop(call).context);
  w.span('catalog', { name: 'load item from cache', startMs: 4, endMs: 6 }, item);
  item.end(at(8));
  call.end(at(9));
  render.end(at(12));
  page.end(at(13));
  // Another request: the storefront's spans are still open (never exported), catalog's arrived.
  const later = w.start('storefront', { name: 'GET /products/{id}', kind: SpanKind.SERVER, startMs: 100, scope: HTTP, attributes: server('GET', '/products/{id}', '/products/9') });
  const laterCall = w.start('storefront', { name: 'GET', kind: SpanKind.CLIENT, startMs: 101, scope: HTTP, attributes: client('GET', 'catalog', '/items/9/stock') }, later);
  const part = w.start('catalog', { name: 'GET /items/{id}/stock', kind: SpanKind.SERVER, startMs: 102, scope: HTTP, attributes: server('GET', '/items/{id}/stock', '/items/9/stock') }, w.hop(laterCall).context);
  w.span('catalog', { name: 'load item from database', startMs: 103, endMs: 108 }, part);
  part.end(at(109));
  return w.otlpJson();
}

/** Lesson 2: CLIENT → SERVER across a hop, and a client call recorded as INTERNAL. */
function spanKinds(): string {
  const w = world(102, ['web', 'inventory']);
  const order = w.start('web', { name: 'POST /orders', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('POST', '/orders') });
  const call = w.start('web', { name: 'POST', kind: SpanKind.CLIENT, startMs: 1, scope: HTTP, attributes: client('POST', 'inventory', '/reserve') }, order);
  w.span('inventory', { name: 'POST /reserve', kind: SpanKind.SERVER, startMs: 2, endMs: 7, scope: HTTP, attributes: server('POST', '/reserve') }, w.hop(call).context);
  call.end(at(8));
  order.end(at(9));
  const ret = w.start('web', { name: 'POST /returns', kind: SpanKind.SERVER, startMs: 50, scope: HTTP, attributes: server('POST', '/returns') });
  // Hand-made instrumentation that forgot `kind: CLIENT`: the SDK default is INTERNAL.
  const wrong = w.start('web', { name: 'POST restock', startMs: 51, attributes: client('POST', 'inventory', '/restock') }, ret);
  w.span('inventory', { name: 'POST /restock', kind: SpanKind.SERVER, startMs: 52, endMs: 57, scope: HTTP, attributes: server('POST', '/restock') }, w.hop(wrong).context);
  wrong.end(at(58));
  ret.end(at(59));
  return w.otlpJson();
}

/** Lesson 3: a good hop, a hop that lost its headers, a parent never exported, a trace id reused by a second root. */
function propagationHops(): string {
  const w = world(103, ['storefront', 'cart', 'payments', 'gateway', 'orders']);
  const cart = w.start('storefront', { name: 'GET /cart', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('GET', '/cart') });
  const toCart = w.start('storefront', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1, scope: HTTP, attributes: client('GET', 'cart', '/cart/items') }, cart);
  w.span('cart', { name: 'GET /cart/items', kind: SpanKind.SERVER, startMs: 2, endMs: 6, scope: HTTP, attributes: server('GET', '/cart/items') }, w.hop(toCart).context);
  toCart.end(at(7));
  cart.end(at(8));

  // The payments call went out without traceparent: payments started a trace of its own.
  const checkout = w.start('storefront', { name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 20, scope: HTTP, attributes: server('POST', '/checkout') });
  w.span('storefront', { name: 'POST', kind: SpanKind.CLIENT, startMs: 21, endMs: 30, scope: HTTP, attributes: client('POST', 'payments', '/charge') }, checkout);
  checkout.end(at(31));
  const charge = w.start('payments', { name: 'POST /charge', kind: SpanKind.SERVER, startMs: 22, scope: HTTP, attributes: server('POST', '/charge') });
  w.span('payments', { name: 'charge card', startMs: 23, endMs: 28 }, charge);
  charge.end(at(29));

  // The gateway's spans were never exported: the orders span's parent is not in the data.
  const lost = w.start('gateway', { name: 'GET /api/orders/{id}', kind: SpanKind.SERVER, startMs: 40 });
  const lostCall = w.start('gateway', { name: 'GET', kind: SpanKind.CLIENT, startMs: 41 }, lost);
  const orders = w.start('orders', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 42, scope: HTTP, attributes: server('GET', '/orders/{id}', '/orders/5') }, w.hop(lostCall).context);
  w.span('orders', { name: 'load order', startMs: 43, endMs: 46 }, orders);
  orders.end(at(47));

  // The indexer's IdGenerator reuses the request id it was handed as its trace id: a second root.
  const search = w.start('storefront', { name: 'GET /search', kind: SpanKind.SERVER, startMs: 60, scope: HTTP, attributes: server('GET', '/search') });
  w.span('storefront', { name: 'query index', startMs: 61, endMs: 64 }, search);
  search.end(at(65));
  const leakedId = search.spanContext().traceId;
  const pinned: IdGenerator = { generateTraceId: () => leakedId, generateSpanId: () => w.ids.generateSpanId() };
  const indexer = sampledProvider(w, 'indexer', new AlwaysOnSampler(), new SimpleSpanProcessor(w.exporter), pinned);
  const reindex = indexer.startSpan('reindex search', { startTime: at(70) }, ROOT_CONTEXT);
  indexer.startSpan('write segment', { startTime: at(71) }, under(reindex)).end(at(75));
  reindex.end(at(76));
  return w.otlpJson();
}

/** Lesson 4: a message sent in one trace and processed in another, joined by a link — and one not joined. */
function asyncMessaging(): string {
  const w = world(104, ['storefront', 'fulfillment']);
  const msg = (dest: string, op: 'send' | 'process'): Attributes => ({
    'messaging.system': 'kafka', 'messaging.destination.name': dest, 'messaging.operation.type': op, 'messaging.operation.name': op,
  });
  const req = w.start('storefront', { name: 'POST /orders', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('POST', '/orders') });
  const sendOrders = w.span('storefront', { name: 'send orders', kind: SpanKind.PRODUCER, startMs: 1, endMs: 3, scope: KAFKA, attributes: msg('orders', 'send') }, req);
  w.span('storefront', { name: 'send returns', kind: SpanKind.PRODUCER, startMs: 4, endMs: 6, scope: KAFKA, attributes: msg('returns', 'send') }, req);
  req.end(at(7));
  const proc = w.start('fulfillment', { name: 'process orders', kind: SpanKind.CONSUMER, startMs: 40, scope: KAFKA, attributes: msg('orders', 'process'), links: [{ context: sendOrders.spanContext() }] });
  w.span('fulfillment', { name: 'pack order', startMs: 41, endMs: 55 }, proc);
  proc.end(at(56));
  // This consumer did not extract the message's context: no parent, no link.
  const lost = w.start('fulfillment', { name: 'process returns', kind: SpanKind.CONSUMER, startMs: 60, scope: KAFKA, attributes: msg('returns', 'process') });
  w.span('fulfillment', { name: 'restock item', startMs: 61, endMs: 70 }, lost);
  lost.end(at(71));
  return w.otlpJson();
}

/** Lesson 5: attributes, events and an error recorded twice over — once right, once without the status. */
function errorsAndEvents(): string {
  const w = world(105, ['payments']);
  const refund = w.start('payments', { name: 'POST /refunds', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: { ...server('POST', '/refunds'), 'http.response.status_code': 500 } });
  const charge = w.start('payments', { name: 'reverse charge', startMs: 1, attributes: { 'payment.provider': 'acme' } }, refund);
  charge.addEvent('retry scheduled', { 'retry.attempt': 1 }, at(3));
  charge.recordException({ name: 'GatewayTimeout', message: 'acme did not answer in 2 s' }, at(4));
  charge.setStatus({ code: SpanStatusCode.ERROR, message: 'acme did not answer in 2 s' });
  charge.setAttribute('error.type', 'GatewayTimeout');
  charge.end(at(5));
  const receipt = w.start('payments', { name: 'email receipt', startMs: 6 }, refund);
  receipt.recordException({ name: 'SmtpError', message: 'mailbox unavailable' }, at(7));
  receipt.end(at(8)); // status never set: still UNSET
  refund.setStatus({ code: SpanStatusCode.ERROR });
  refund.setAttribute('error.type', '500');
  refund.end(at(9));
  return w.otlpJson();
}

/** Lesson 6: one service ignores the incoming sampled flag (a hole), another exports what it did not sample. */
function samplingHoles(): string {
  const w = world(106, ['frontend']);
  const exported = new SimpleSpanProcessor(w.exporter);
  const order = w.start('frontend', { name: 'POST /order', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('POST', '/order') });
  const toOrders = w.start('frontend', { name: 'POST', kind: SpanKind.CLIENT, startMs: 1, scope: HTTP, attributes: client('POST', 'orders', '/orders') }, order);
  // orders samples 0 % on its own (no ParentBased): it records nothing and passes sampled = 0 on.
  const orders = sampledProvider(w, 'orders', new TraceIdRatioBasedSampler(0), exported);
  const ordersServer = orders.startSpan('POST /orders', { kind: SpanKind.SERVER, startTime: at(2) }, w.hop(toOrders).context);
  const toStock = orders.startSpan('POST', { kind: SpanKind.CLIENT, startTime: at(3) }, under(ordersServer));
  // stock samples everything on its own (AlwaysOn, no ParentBased): its spans arrive without their parents.
  const stock = sampledProvider(w, 'stock', new AlwaysOnSampler(), exported);
  const reserve = stock.startSpan('POST /reserve', { kind: SpanKind.SERVER, startTime: at(4), attributes: server('POST', '/reserve') }, w.hop(toStock).context);
  stock.startSpan('lock shelf', { startTime: at(5) }, under(reserve)).end(at(7));
  reserve.end(at(8));
  toStock.end(at(9));
  ordersServer.end(at(10));
  toOrders.end(at(11));
  order.end(at(12));

  // pricing records every span (decision RECORD, sampled = 0) and an export-everything processor ships them.
  const quote = w.start('frontend', { name: 'GET /quote', kind: SpanKind.SERVER, startMs: 50, scope: HTTP, attributes: server('GET', '/quote') });
  const toPricing = w.start('frontend', { name: 'GET', kind: SpanKind.CLIENT, startMs: 51, scope: HTTP, attributes: client('GET', 'pricing', '/price') }, quote);
  const recorded: ReadableSpan[] = [];
  const recordOnly: Sampler = { shouldSample: () => ({ decision: SamplingDecision.RECORD }), toString: () => 'RecordOnly' };
  const keepAll: SpanProcessor = { onStart: () => undefined, onEnd: (s) => void recorded.push(s), forceFlush: async () => undefined, shutdown: async () => undefined };
  const pricing = sampledProvider(w, 'pricing', recordOnly, keepAll);
  const price = pricing.startSpan('GET /price', { kind: SpanKind.SERVER, startTime: at(52), attributes: server('GET', '/price') }, w.hop(toPricing).context);
  price.end(at(56));
  toPricing.end(at(57));
  quote.end(at(58));
  return w.otlpJson([...w.finished(), ...recorded]);
}

/** Lesson 7: a raw path in a span name, and attributes under their pre-1.21 names. */
function semanticConventions(): string {
  const w = world(107, ['api']);
  const user = w.start('api', { name: 'GET /users/4217', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('GET', '/users/{id}', '/users/4217') });
  w.span('api', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1, endMs: 6, scope: HTTP, attributes: { 'http.method': 'GET', 'http.url': 'https://profiles/profiles/4217', 'http.status_code': 200, 'server.address': 'profiles', 'server.port': 443 } }, user);
  user.end(at(7));
  const good = w.start('api', { name: 'GET /users/{id}', kind: SpanKind.SERVER, startMs: 20, scope: HTTP, attributes: server('GET', '/users/{id}', '/users/99') });
  w.span('api', { name: 'GET', kind: SpanKind.CLIENT, startMs: 21, endMs: 25, scope: HTTP, attributes: client('GET', 'profiles', '/profiles/99') }, good);
  good.end(at(26));
  return w.otlpJson();
}

/** Lesson 8: a child that outlives its parent, a span exported before it ended, an attribute set too late. */
function spanLifecycle(): string {
  const w = world(108, ['shop']);
  const add = w.start('shop', { name: 'POST /cart/items', kind: SpanKind.SERVER, startMs: 0, scope: HTTP, attributes: server('POST', '/cart/items') });
  w.span('shop', { name: 'save cart', startMs: 1, endMs: 5 }, add);
  // Fire-and-forget: started under the request, still running long after it answered.
  const warm = w.start('shop', { name: 'warm recommendations', startMs: 6 }, add);
  const stream = w.start('shop', { name: 'stream audit log', startMs: 7 }, add); // never ended
  add.end(at(10));
  add.setAttribute('cart.size', 3); // after end(): the SDK ignores it
  warm.end(at(40));
  // A crash-time dump of live spans: `stream` is serialized although end() never ran.
  return w.otlpJson([...w.finished(), stream as unknown as ReadableSpan]);
}

/** File name → its contents, in lesson order. */
export const LESSON_FILES: ReadonlyArray<readonly [string, () => string]> = [
  ['1-trace.otlp.json', traceBasics],
  ['2-span-kinds.otlp.json', spanKinds],
  ['3-propagation.otlp.json', propagationHops],
  ['4-async.otlp.json', asyncMessaging],
  ['5-errors.otlp.json', errorsAndEvents],
  ['6-sampling.otlp.json', samplingHoles],
  ['7-semconv.otlp.json', semanticConventions],
  ['8-lifecycle.otlp.json', spanLifecycle],
];
