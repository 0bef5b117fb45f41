// Two checkout traces made with the real OpenTelemetry JS SDK, for TraceQL tests. Every service is its own
// TracerProvider; calls between services cross a real W3C traceparent hop.
//
// slow trace (POST /checkout takes 1.5 s):
//   checkout-api  POST /checkout            SERVER   0 → 1500 ms
//   checkout-api  ├─ POST /pay              CLIENT  10 → 1400
//   payments-api  │  └─ POST /pay           SERVER  20 → 1390
//   payments-api  │     ├─ SELECT payments  CLIENT  30 → 80     db.system=postgresql
//   payments-api  │     ├─ POST /score      CLIENT 100 → 600    http.response.status_code=200
//   fraud-api     │     │  └─ POST /score   SERVER 110 → 590    ERROR "model timeout"
//   fraud-api     │     │     └─ SELECT rules CLIENT 120 → 150  db.system=postgresql
//   payments-api  │     └─ charge card      INTERNAL 700 → 1300 ERROR "card declined", retries=[1,2,3]
//   checkout-api  └─ SELECT carts           CLIENT 1410 → 1450  db.system=postgresql
// fast trace (POST /checkout takes 400 ms; times below are from its start, 5 s after the slow one's):
//   checkout-api  POST /checkout            SERVER   0 → 400
//   checkout-api  ├─ SELECT carts           CLIENT  10 → 40     db.system=postgresql
//   checkout-api  └─ POST /pay              CLIENT  50 → 390
//   payments-api     └─ POST /pay           SERVER  60 → 380    ERROR "insufficient funds"
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { at, SdkWorld } from './sdk-world.ts';

export function buildCheckoutPaymentsWorld(): SdkWorld {
  const w = new SdkWorld(7);
  const pg = { 'db.system': 'postgresql' };

  const root = w.start('checkout-api', { name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 0 });
  const payClient = w.start('checkout-api', { name: 'POST /pay', kind: SpanKind.CLIENT, startMs: 10 }, root);
  const payServer = w.start('payments-api', { name: 'POST /pay', kind: SpanKind.SERVER, startMs: 20 }, w.hop(payClient).context);
  w.span('payments-api', { name: 'SELECT payments', kind: SpanKind.CLIENT, startMs: 30, endMs: 80, attributes: pg }, payServer);
  const scoreClient = w.start('payments-api', { name: 'POST /score', kind: SpanKind.CLIENT, startMs: 100, attributes: { 'http.response.status_code': 200 } }, payServer);
  const scoreServer = w.start('fraud-api', { name: 'POST /score', kind: SpanKind.SERVER, startMs: 110 }, w.hop(scoreClient).context);
  w.span('fraud-api', { name: 'SELECT rules', kind: SpanKind.CLIENT, startMs: 120, endMs: 150, attributes: pg }, scoreServer);
  scoreServer.setStatus({ code: SpanStatusCode.ERROR, message: 'model timeout' });
  scoreServer.end(at(590));
  scoreClient.end(at(600));
  const charge = w.start('payments-api', { name: 'charge card', kind: SpanKind.INTERNAL, startMs: 700, attributes: { retries: [1, 2, 3] } }, payServer);
  charge.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
  charge.end(at(1300));
  payServer.end(at(1390));
  payClient.end(at(1400));
  w.span('checkout-api', { name: 'SELECT carts', kind: SpanKind.CLIENT, startMs: 1410, endMs: 1450, attributes: pg }, root);
  root.end(at(1500));

  const fast = w.start('checkout-api', { name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 5000 });
  w.span('checkout-api', { name: 'SELECT carts', kind: SpanKind.CLIENT, startMs: 5010, endMs: 5040, attributes: pg }, fast);
  const fastPay = w.start('checkout-api', { name: 'POST /pay', kind: SpanKind.CLIENT, startMs: 5050 }, fast);
  const fastServer = w.start('payments-api', { name: 'POST /pay', kind: SpanKind.SERVER, startMs: 5060 }, w.hop(fastPay).context);
  fastServer.setStatus({ code: SpanStatusCode.ERROR, message: 'insufficient funds' });
  fastServer.end(at(5380));
  fastPay.end(at(5390));
  fast.end(at(5400));
  return w;
}
