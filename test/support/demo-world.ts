// The built-in demo, made with the real OpenTelemetry JS SDK: a checkout request entering `storefront`
// over HTTP, which calls `cart` (HTTP, which queries PostgreSQL) and `payments` (gRPC: the first attempt
// fails with UNAVAILABLE and is retried), then publishes to Kafka; `fulfillment` consumes the message in
// a second trace that links back to the producer span. Current semantic conventions throughout, so the
// demo teaches what good instrumentation looks like; the one failure is a real, correctly recorded error.
import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { defaultResource } from '@opentelemetry/resources';
import { at, RandomLookingIdGenerator, SdkWorld } from './sdk-world.ts';

const SDK_ATTRS = Object.fromEntries(
  Object.entries(defaultResource().attributes).filter(([k]) => k.startsWith('telemetry.sdk.')),
) as Attributes;

function resource(service: string, version: string, instance: string): Attributes {
  return {
    ...SDK_ATTRS,
    'service.namespace': 'shop',
    'service.version': version,
    'service.instance.id': instance,
    'deployment.environment.name': 'demo',
    'host.name': `${service}-7d9f`,
  };
}

const HTTP = '@opentelemetry/instrumentation-http';
const GRPC = '@opentelemetry/instrumentation-grpc';
const PG = '@opentelemetry/instrumentation-pg';
const KAFKA = '@opentelemetry/instrumentation-kafkajs';

export function buildDemoWorld(): SdkWorld {
  const w = new SdkWorld(2024, new RandomLookingIdGenerator(2024));
  w.provider('storefront', resource('storefront', '3.4.1', '5b0c9f4e-storefront-1'));
  w.provider('cart', resource('cart', '1.12.0', '8e21aa03-cart-1'));
  w.provider('payments', resource('payments', '2.0.3', 'c4f6d2b1-payments-1'));
  w.provider('fulfillment', resource('fulfillment', '0.9.7', '1f3e5a7c-fulfillment-1'));

  const checkout = w.start('storefront', {
    name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 0, scope: HTTP,
    attributes: {
      'http.request.method': 'POST', 'http.route': '/checkout', 'url.path': '/checkout', 'url.scheme': 'https',
      'server.address': 'shop.example.com', 'server.port': 443, 'client.address': '203.0.113.24',
      'network.protocol.version': '1.1', 'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64)',
    },
  });
  w.span('storefront', { name: 'validate order', startMs: 1.2, endMs: 4.9, scope: 'storefront', attributes: { 'order.items': 3 } }, checkout);

  // storefront → cart over HTTP, cart → PostgreSQL.
  const getCart = w.start('storefront', {
    name: 'GET /cart/{id}', kind: SpanKind.CLIENT, startMs: 6, scope: HTTP,
    attributes: { 'http.request.method': 'GET', 'url.full': 'http://cart:8080/cart/7731', 'url.template': '/cart/{id}', 'server.address': 'cart', 'server.port': 8080 },
  }, checkout);
  const cartServer = w.start('cart', {
    name: 'GET /cart/{id}', kind: SpanKind.SERVER, startMs: 7.4, scope: HTTP,
    attributes: { 'http.request.method': 'GET', 'http.route': '/cart/{id}', 'url.path': '/cart/7731', 'url.scheme': 'http', 'server.address': 'cart', 'server.port': 8080 },
  }, w.hop(getCart).context);
  w.span('cart', {
    name: 'SELECT shop.cart_items', kind: SpanKind.CLIENT, startMs: 9.1, endMs: 27.8, scope: PG,
    attributes: {
      'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.collection.name': 'cart_items', 'db.operation.name': 'SELECT',
      'db.query.summary': 'SELECT shop.cart_items', 'db.query.text': 'SELECT sku, qty FROM cart_items WHERE cart_id = $1',
      'server.address': 'postgres', 'server.port': 5432,
    },
  }, cartServer);
  cartServer.setAttribute('http.response.status_code', 200);
  cartServer.end(at(30.2));
  getCart.setAttribute('http.response.status_code', 200);
  getCart.end(at(31));

  // storefront → payments over gRPC: the first attempt fails (UNAVAILABLE) and is retried.
  const rpcAttrs = { 'rpc.system.name': 'grpc', 'rpc.method': 'shop.payments.PaymentService/Charge', 'server.address': 'payments', 'server.port': 50051 };
  const attempt1 = w.start('storefront', { name: 'shop.payments.PaymentService/Charge', kind: SpanKind.CLIENT, startMs: 33, scope: GRPC, attributes: rpcAttrs }, checkout);
  const charge1 = w.start('payments', { name: 'shop.payments.PaymentService/Charge', kind: SpanKind.SERVER, startMs: 34.5, scope: GRPC, attributes: rpcAttrs }, w.hop(attempt1).context);
  const err = new Error('card processor did not answer within 50ms');
  err.name = 'ProcessorTimeoutError';
  // A fixed stack, as the payments service would print it: the real one would name this machine's paths.
  err.stack = [
    'ProcessorTimeoutError: card processor did not answer within 50ms',
    '    at ProcessorClient.charge (/app/src/processor-client.js:88:11)',
    '    at async PaymentService.Charge (/app/src/payment-service.js:41:20)',
    '    at async /app/node_modules/@grpc/grpc-js/build/src/server.js:1195:13',
  ].join('\n');
  charge1.recordException(err, at(86));
  charge1.setAttributes({ 'rpc.status_code': 'UNAVAILABLE', 'error.type': 'UNAVAILABLE' });
  charge1.setStatus({ code: SpanStatusCode.ERROR, message: 'card processor did not answer within 50ms' });
  charge1.end(at(86.4));
  attempt1.setAttributes({ 'rpc.status_code': 'UNAVAILABLE', 'error.type': 'UNAVAILABLE' });
  attempt1.setStatus({ code: SpanStatusCode.ERROR, message: 'UNAVAILABLE: card processor did not answer within 50ms' });
  attempt1.end(at(87.2));

  const attempt2 = w.start('storefront', { name: 'shop.payments.PaymentService/Charge', kind: SpanKind.CLIENT, startMs: 112, scope: GRPC, attributes: { ...rpcAttrs, 'rpc.request.resend_count': 1 } }, checkout);
  const charge2 = w.start('payments', { name: 'shop.payments.PaymentService/Charge', kind: SpanKind.SERVER, startMs: 113.1, scope: GRPC, attributes: rpcAttrs }, w.hop(attempt2).context);
  w.span('payments', {
    name: 'INSERT shop.payments', kind: SpanKind.CLIENT, startMs: 120.4, endMs: 131.9, scope: PG,
    attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.collection.name': 'payments', 'db.operation.name': 'INSERT', 'db.query.summary': 'INSERT shop.payments', 'server.address': 'postgres', 'server.port': 5432 },
  }, charge2);
  charge2.setAttribute('rpc.status_code', 'OK');
  charge2.end(at(140.6));
  attempt2.setAttribute('rpc.status_code', 'OK');
  attempt2.end(at(141.5));

  // storefront → Kafka → fulfillment: the consumer's trace links to the message's creation context.
  const msgAttrs = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', 'server.address': 'kafka', 'server.port': 9092 };
  const send = w.span('storefront', {
    name: 'send orders', kind: SpanKind.PRODUCER, startMs: 143, endMs: 146.8, scope: KAFKA,
    attributes: { ...msgAttrs, 'messaging.operation.type': 'send', 'messaging.operation.name': 'send', 'messaging.message.id': 'ord-7731-1' },
  }, checkout);
  checkout.setAttribute('http.response.status_code', 201);
  checkout.end(at(150));

  const process = w.start('fulfillment', {
    name: 'process orders', kind: SpanKind.CONSUMER, startMs: 212, scope: KAFKA,
    attributes: { ...msgAttrs, 'messaging.operation.type': 'process', 'messaging.operation.name': 'process', 'messaging.consumer.group.name': 'fulfillment', 'messaging.message.id': 'ord-7731-1' },
    links: [{ context: send.spanContext(), attributes: { 'messaging.message.id': 'ord-7731-1' } }],
  });
  w.span('fulfillment', {
    name: 'INSERT shop.shipments', kind: SpanKind.CLIENT, startMs: 220, endMs: 251.3, scope: PG,
    attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'db.collection.name': 'shipments', 'db.operation.name': 'INSERT', 'db.query.summary': 'INSERT shop.shipments', 'server.address': 'postgres', 'server.port': 5432 },
  }, process);
  process.end(at(258));
  return w;
}

