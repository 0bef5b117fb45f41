// Two runs of one checkout, made with the real OpenTelemetry SDK, for comparison tests: a good run, and a
// slow run whose first payment call takes 10 ms longer, that retries the call once more (an extra span) and
// that never reaches the cache (a missing span). Same seed → same trace and span ids in both runs.
import { SpanKind } from '@opentelemetry/api';
import { at, SdkWorld } from './sdk-world.ts';

export function checkoutRun(slow: boolean, seed: number): SdkWorld {
  const w = new SdkWorld(seed);
  const root = w.start('checkout', { name: 'POST /checkout', kind: SpanKind.SERVER, startMs: 0 });
  w.span('checkout', { name: 'GET /cart', kind: SpanKind.CLIENT, startMs: 5, endMs: 20 }, root);
  if (!slow) w.span('checkout', { name: 'redis GET', kind: SpanKind.CLIENT, startMs: 22, endMs: 24, attributes: { 'db.system.name': 'redis' } }, root);
  const pay = w.start('checkout', { name: 'POST /charge', kind: SpanKind.CLIENT, startMs: 30 }, root);
  const server = w.start('payments', { name: 'POST /charge', kind: SpanKind.SERVER, startMs: 32 }, w.hop(pay).context);
  w.span('payments', { name: 'INSERT payments', kind: SpanKind.CLIENT, startMs: 40, endMs: 70 }, server);
  server.end(at(78));
  pay.end(at(slow ? 90 : 80));
  if (slow) w.span('checkout', { name: 'POST /charge', kind: SpanKind.CLIENT, startMs: 95, endMs: 190 }, root);
  root.end(at(slow ? 200 : 100));
  return w;
}
