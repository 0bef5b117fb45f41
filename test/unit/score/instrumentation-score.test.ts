// The Instrumentation Score (trace subset) over real SDK output, with scores worked out by hand from the
// spec's formula: Score = Σ(passed × W) / Σ(evaluated × W) × 100, W = Critical 40, Important 30, Normal 20.
import { readFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { instrumentationScore, scoreBand, weightedScore, type InstrumentationScore, type ServiceScore } from '../../../src/core/score/instrumentation-score.ts';
import { IS_TRACE_RULES } from '../../../src/core/score/is-rules.ts';
import { RULES_BY_ID } from '../../../src/core/lint/index.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const scoreOf = (w: SdkWorld): InstrumentationScore => instrumentationScore(loadDataset([{ name: 'w.json', bytes: enc(w.otlpJson()) }]));
const statuses = (s: ServiceScore): string => s.rules.map((r) => `${r.id}:${r.status}`).join(' ');
const service = (s: InstrumentationScore, name: string): ServiceScore => s.services.find((x) => x.service === name)!;

/**
 * batch (no service.instance.id):   CLIENT root "sync" ── 11 INTERNAL "step" spans, 10 ms each
 * api (instance id):                SERVER "GET /items" ── INTERNAL "load"
 * worker (instance id, k8s.pod.name, no k8s.pod.uid): CONSUMER "process jobs"
 */
function mixedWorld(): SdkWorld {
  const w = new SdkWorld(11);
  w.provider('batch');
  w.provider('api', { 'service.instance.id': 'api-1' });
  w.provider('worker', { 'service.instance.id': 'worker-1', 'k8s.pod.name': 'worker-abc', 'k8s.namespace.name': 'jobs' });
  const root = w.start('batch', { name: 'sync', kind: SpanKind.CLIENT, startMs: 0 });
  for (let i = 0; i < 11; i++) w.span('batch', { name: 'step', startMs: 1 + i * 10, endMs: 11 + i * 10 }, root);
  root.end(at(200));
  const get = w.start('api', { name: 'GET /items', kind: SpanKind.SERVER, startMs: 0, attributes: { 'http.request.method': 'GET', 'http.route': '/items' } });
  w.span('api', { name: 'load', startMs: 1, endMs: 30 }, get);
  get.end(at(40));
  w.span('worker', { name: 'process jobs', kind: SpanKind.CONSUMER, startMs: 0, endMs: 50 });
  return w;
}

describe('instrumentation score: the formula', () => {
  it('reproduces the spec example (4/8 Critical, 8/10 Important, 6/8 Normal, 1/5 Low = 63.86)', () => {
    const rules = [
      ...Array.from({ length: 8 }, (_, i) => ({ impact: 'Critical' as const, status: i < 4 ? 'pass' as const : 'fail' as const })),
      ...Array.from({ length: 10 }, (_, i) => ({ impact: 'Important' as const, status: i < 8 ? 'pass' as const : 'fail' as const })),
      ...Array.from({ length: 8 }, (_, i) => ({ impact: 'Normal' as const, status: i < 6 ? 'pass' as const : 'fail' as const })),
      ...Array.from({ length: 5 }, (_, i) => ({ impact: 'Low' as const, status: i < 1 ? 'pass' as const : 'fail' as const })),
      { impact: 'Critical' as const, status: 'not-evaluable' as const },
    ];
    expect(weightedScore(rules)).toBe(63.86);
    expect(weightedScore([{ impact: 'Normal', status: 'not-evaluable' }])).toBeNull();
    expect([90, 89.99, 75, 74.99, 50, 49.99].map(scoreBand)).toEqual(['Excellent', 'Good', 'Good', 'Needs Improvement', 'Needs Improvement', 'Poor']);
  });

  it('maps every IS rule onto existing lint rules with the impact RULES.md (c) gives', () => {
    expect(IS_TRACE_RULES.map((r) => `${r.id} ${r.impact}`)).toEqual([
      'SPA-001 Normal', 'SPA-002 Normal', 'SPA-003 Important', 'SPA-004 Important', 'SPA-005 Important',
      'RES-001 Normal', 'RES-002 Important', 'RES-003 Important', 'RES-004 Important', 'RES-005 Critical',
    ]);
    for (const r of IS_TRACE_RULES) for (const id of r.lintRules) expect(RULES_BY_ID.has(id), id).toBe(true);
  });
});

describe('instrumentation score over SDK output', () => {
  it('the demo scores 100 for every service; RES-003 is not evaluable (not on Kubernetes)', () => {
    const s = scoreOf(buildDemoWorld());
    expect(s.services.map((x) => x.service).sort()).toEqual(['cart', 'fulfillment', 'payments', 'storefront']);
    expect(s.services.map((x) => x.score)).toEqual([100, 100, 100, 100]);
    expect(s.overall.score).toBe(100);
    expect(s.overall.rules.filter((r) => r.status === 'not-evaluable').map((r) => r.id)).toEqual(['RES-003']);
    expect(s.notCovered.map((n) => n.id)).toContain('SDK-001');
  });

  it('scores each service by hand-checked sums, and links failures to their spans', () => {
    const w = mixedWorld();
    const s = scoreOf(w);
    const batch = service(s, 'batch');
    expect(statuses(batch)).toBe('SPA-001:fail SPA-002:pass SPA-003:pass SPA-004:fail SPA-005:pass RES-001:fail RES-002:pass RES-003:not-evaluable RES-004:pass RES-005:pass');
    // evaluated 20+20+30+30+30+20+30+30+40 = 250; passed 20+30+30+30+30+40 = 180 → 72
    expect(batch.score).toBe(72);
    expect(batch.band).toBe('Needs Improvement');
    const rootId = w.finished().find((x) => x.name === 'sync')!.spanContext().spanId;
    expect(batch.rules.find((r) => r.id === 'SPA-004')!.failingSpans.map((f) => f.spanId)).toEqual([rootId]);
    const firstStep = w.finished().find((x) => x.name === 'step')!.spanContext().spanId;
    expect(batch.rules.find((r) => r.id === 'SPA-001')!.failingSpans.map((f) => f.spanId)).toEqual([firstStep]);

    expect(service(s, 'api').score).toBe(100);
    const worker = service(s, 'worker');
    // all ten evaluated: 280; RES-003 (30) fails → 250/280 = 89.29
    expect(statuses(worker)).toContain('RES-003:fail');
    expect(worker.score).toBe(89.29);
    // overall: 280 evaluated; SPA-001 20, SPA-004 30, RES-001 20, RES-003 30 fail → 180/280 = 64.29
    expect(s.overall.score).toBe(64.29);
  });

  it('charges SPA-005 to the services whose short spans fill the trace', () => {
    const w = new SdkWorld(12);
    const root = w.start('front', { name: 'GET /', kind: SpanKind.SERVER, startMs: 0 });
    const call = w.start('front', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1 }, root);
    const server = w.start('cache', { name: 'GET', kind: SpanKind.SERVER, startMs: 2 }, w.hop(call).context);
    for (let i = 0; i < 21; i++) w.span('cache', { name: 'lookup', startMs: 3 + i * 2, endMs: 4 + i * 2 }, server);
    server.end(at(80));
    call.end(at(90));
    root.end(at(100));
    const s = scoreOf(w);
    expect(service(s, 'front').rules.find((r) => r.id === 'SPA-005')!.status).toBe('pass');
    const cache = service(s, 'cache').rules.find((r) => r.id === 'SPA-005')!;
    expect(cache.status).toBe('fail');
    expect(cache.numFailing).toBe(21);
  });

  it('names the rules a format cannot evaluate: Zipkin has no resource attributes, Java logging no parents or times', () => {
    const zipkin = instrumentationScore(loadDataset([{ name: 'z.json', bytes: fixture('zipkin/exporter-2.x/checkout-four-services.json') }]));
    expect(zipkin.overall.rules.filter((r) => r.status === 'not-evaluable').map((r) => r.id)).toEqual(['RES-001', 'RES-002', 'RES-003', 'RES-004']);
    expect(zipkin.overall.rules.find((r) => r.id === 'RES-001')!.why).toMatch(/resource attributes/);
    const java = instrumentationScore(loadDataset([{ name: 'j.txt', bytes: fixture('java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt') }]));
    const notEvaluable = java.overall.rules.filter((r) => r.status === 'not-evaluable').map((r) => r.id);
    expect(notEvaluable).toEqual(expect.arrayContaining(['SPA-002', 'SPA-004', 'SPA-005', 'RES-005']));
    expect(java.overall.rules.find((r) => r.id === 'SPA-002')!.why).toMatch(/parent/);
  });
});
