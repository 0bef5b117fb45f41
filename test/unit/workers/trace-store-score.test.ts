// TraceStore.findings(options) re-lints with the app's lint settings, and instrumentationScore() stays the
// spec's score whatever those settings are; both answers survive structured cloning (the worker boundary).
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

/** 11 INTERNAL spans under a CLIENT root: too-many-internal-spans and root-is-client fire. */
async function store(): Promise<TraceStore> {
  const w = new SdkWorld(21);
  w.provider('batch', { 'service.instance.id': 'b-1' });
  const root = w.start('batch', { name: 'sync', kind: SpanKind.CLIENT, startMs: 0 });
  for (let i = 0; i < 11; i++) w.span('batch', { name: 'step', startMs: 1 + i * 10, endMs: 11 + i * 10 }, root);
  root.end([1714564800, 500_000_000]);
  const s = new TraceStore();
  await s.load([{ name: 'w.json', data: w.otlpJson() }]);
  return s;
}

describe('TraceStore lint options and score', () => {
  it('disables a rule, overrides a severity and reports unknown rules as errors', async () => {
    const s = await store();
    const all = (await s.findings()).findings.map((f) => f.rule);
    expect(all).toEqual(expect.arrayContaining(['root-is-client', 'too-many-internal-spans']));
    const tuned = structuredClone(await s.findings({ disable: ['root-is-client'], severity: { 'too-many-internal-spans': 'error' }, thresholds: { 'nope.x': 1 } }));
    expect(tuned.findings.map((f) => f.rule)).not.toContain('root-is-client');
    expect(tuned.findings.find((f) => f.rule === 'too-many-internal-spans')!.severity).toBe('error');
    expect(tuned.errors).toEqual(['threshold: unknown rule "nope"']);
    expect((await s.findings()).findings.map((f) => f.rule)).toEqual(all);
  });

  it('scores independently of the lint options', async () => {
    const s = await store();
    await s.findings({ disable: ['root-is-client', 'too-many-internal-spans'] });
    const score = structuredClone(await s.instrumentationScore());
    expect(score.overall.rules.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['SPA-001', 'SPA-004']);
    // evaluated: 250 (RES-003 not on Kubernetes); SPA-001 20 and SPA-004 30 fail → 200/250
    expect(score.overall.score).toBe(80);
  });

  it('hands the page the first services\' scores, with how many there are', async () => {
    const w = new SdkWorld(22);
    for (let i = 0; i < 30; i++) w.span(`svc-${String(i).padStart(2, '0')}`, { name: 'GET /', kind: SpanKind.SERVER, startMs: i, endMs: i + 0.5 });
    const s = new TraceStore();
    await s.load([{ name: 'many.json', data: w.otlpJson() }]);
    const whole = await s.instrumentationScore();
    expect(whole.services).toHaveLength(30);
    const first = structuredClone(await s.firstServiceScores(12));
    expect(first.numServices).toBe(30);
    expect(first.services).toEqual(whole.services.slice(0, 12));
    expect([first.overall, first.notCovered]).toEqual([whole.overall, whole.notCovered]);
    expect((await s.firstServiceScores(100)).services).toEqual(whole.services);
  });
});
