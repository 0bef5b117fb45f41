// What the worker keeps once the data it answered for is gone: a Clear (or a new load) lets the findings
// of what was loaded before be collected, instead of holding them until the next lint.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
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
});
