// A small trace with known findings for the lint-settings and score e2e tests: a CLIENT root "sync" in
// service `batch` with 11 INTERNAL "step" spans (root-is-client, too-many-internal-spans; IS SPA-004, SPA-001).
import { SpanKind } from '@opentelemetry/api';
import { at, SdkWorld } from '../../support/sdk-world.ts';

export function batchWorld(): { json: string; rootId: string; firstStepId: string } {
  const w = new SdkWorld(31);
  w.provider('batch', { 'service.instance.id': 'batch-1' });
  const root = w.start('batch', { name: 'sync', kind: SpanKind.CLIENT, startMs: 0 });
  for (let i = 0; i < 11; i++) w.span('batch', { name: 'step', startMs: 1 + i * 10, endMs: 11 + i * 10 }, root);
  root.end(at(200));
  const spans = w.finished();
  return { json: w.otlpJson(), rootId: root.spanContext().spanId, firstStepId: spans.find((s) => s.name === 'step')!.spanContext().spanId };
}
