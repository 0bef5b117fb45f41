// What the worker keeps once the data it answered for is gone: a Clear (or a new load) lets the findings
// of what was loaded before be collected, instead of holding them until the next lint, and no answer kept
// for the data before (a trace's fans) stands for the data after.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { TraceStore } from '../../../workers/trace-store.ts';

// A full collection on demand, so a WeakRef shows whether anything still holds an object.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function linted(): Promise<{ store: TraceStore; findings: WeakRef<object>; score: WeakRef<object> }> {
  const { world, spans } = generateSpans(2000, 100, 13);
  const store = new TraceStore();
  await store.load([{ name: 'sdk.json', data: new TextEncoder().encode(world.otlpJson(spans)) }]);
  const { findings } = await store.findings();
  expect(findings.length).toBeGreaterThan(1000);
  return { store, findings: new WeakRef(findings), score: new WeakRef(await store.instrumentationScore()) };
}

describe('what the store keeps of data it no longer shows', () => {
  it('holds the findings and the score while their data is shown, and lets them go with a Clear', async () => {
    const { store, findings, score } = await linted();
    gc();
    expect(findings.deref()).toBeDefined();
    expect(score.deref()).toBeDefined();
    store.clear();
    await new Promise((ok) => setTimeout(ok, 0));
    gc();
    expect(findings.deref()).toBeUndefined();
    expect(score.deref()).toBeUndefined();
    expect((await store.findings()).findings).toEqual([]);
  });

  it('lets them go when a new load replaces the data they were about', async () => {
    const { store, findings } = await linted();
    const more = generateSpans(300, 100, 14);
    await store.load([{ name: 'more.json', data: new TextEncoder().encode(more.world.otlpJson(more.spans)) }]);
    await new Promise((ok) => setTimeout(ok, 0));
    gc();
    expect(findings.deref()).toBeUndefined();
    expect((await store.findings()).findings.length).toBeGreaterThan(1000);
  });

  it("works a trace's fans out again when a new load adds members to them", async () => {
    // One request's 60 SELECTs, exported in two files of 30: the second file's load joins them in one fan.
    const w = new SdkWorld(23);
    const root = w.start('api', { name: 'GET /report', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 60; i++) w.span('api', { name: 'SELECT report', kind: SpanKind.CLIENT, startMs: 1 + i * 0.1, endMs: 1.05 + i * 0.1 }, root);
    root.end([1714564800, 10_000_000]);
    const spans = w.finished();
    const selects = spans.filter((s) => s.name === 'SELECT report');
    const store = new TraceStore();
    const json = (part: typeof spans) => new TextEncoder().encode(w.otlpJson(part));
    await store.load([{ name: 'first.json', data: json([...selects.slice(0, 30), ...spans.filter((s) => s.name === 'GET /report')]) }]);
    const traceId = root.spanContext().traceId;
    expect(store.waterfall(traceId)!.fans.map((f) => f.count)).toEqual([30]);
    await store.load([{ name: 'second.json', data: json(selects.slice(30)) }]);
    const after = store.waterfall(traceId)!;
    expect(after.numRows).toBe(61);
    expect(after.fans.map((f) => f.count)).toEqual([60]);
  });
});
