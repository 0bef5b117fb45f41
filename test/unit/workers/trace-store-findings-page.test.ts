// The page gets complete counts but a capped list of findings (millions would not survive the trip); a
// trace's row badges and a span's findings are answered by the worker from the complete list.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { PAGE_FINDINGS_PER_RULE, TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { CROWDED, crowdedSpanWorld } from '../../support/crowded-span.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { generateSpans } from '../../../bench/gen.ts';

/** One request whose 700 children each carry the renamed `http.method` (deprecated-attribute, a warning). */
async function store(): Promise<TraceStore> {
  const w = new SdkWorld(61);
  const root = w.start('api', { name: 'batch', kind: SpanKind.SERVER, startMs: 0 });
  for (let i = 0; i < 700; i++) w.span('api', { name: `call ${i % 7}`, startMs: 1 + i * 0.01, endMs: 1.005 + i * 0.01, attributes: { 'http.method': 'GET' } }, root);
  root.end([1714564800, 20_000_000]);
  const s = new TraceStore();
  await s.load([{ name: 'many.json', data: new TextEncoder().encode(w.otlpJson()) }]);
  return s;
}

describe('findings for the page', () => {
  it('caps each rule at the page limit and keeps every count', async () => {
    const s = await store();
    const all = (await s.findings()).findings.filter((f) => f.rule === 'deprecated-attribute');
    expect(all.length).toBe(700);
    const page = await s.findingsForPage();
    expect(page.findings.filter((f) => f.rule === 'deprecated-attribute')).toHaveLength(PAGE_FINDINGS_PER_RULE);
    const counts = page.summary.byRule.find((c) => c.rule === 'deprecated-attribute')!;
    expect(counts).toMatchObject({ warning: 700, shown: PAGE_FINDINGS_PER_RULE });
    expect(page.summary.total).toBe((await s.findings()).findings.length);
    const traceId = s.traces()[0]!.traceId;
    expect(new Map(page.summary.perTrace).get(traceId)).toBe((await s.findings()).findings.filter((f) => f.traceId === traceId).length);
  });

  it('answers row badges and a span\'s findings from the complete list, past the cap', async () => {
    const s = await store();
    const traceId = s.traces()[0]!.traceId;
    const rows = await s.findingRowSeverities(traceId);
    const last = (await s.findings()).findings.filter((f) => f.rule === 'deprecated-attribute').at(-1)!;
    expect(rows[last.row!]).toBe(1); // warning, although this finding is past the page's cap
    expect((await s.spanFindings(traceId, last.spanId)).map((f) => f.rule)).toContain('deprecated-attribute');
    expect(await s.findingRowSeverities('no-such-trace')).toHaveLength(0);
  });

  it('hands over the first findings of a crowded span, with how many it has', async () => {
    const { world, crowdedSpanId } = crowdedSpanWorld();
    const s = new TraceStore();
    await s.load([{ name: 'crowded.json', data: new TextEncoder().encode(world.otlpJson()) }]);
    const traceId = s.traces().find((t) => t.rootName === 'crowded')!.traceId;
    const all = await s.spanFindings(traceId, crowdedSpanId);
    // One attribute-no-namespace finding per event (its `attempt` attribute), and more.
    expect(all.filter((f) => f.rule === 'attribute-no-namespace').length).toBe(CROWDED.events);
    const first = await s.firstSpanFindings(traceId, crowdedSpanId, 100);
    expect(first.total).toBe(all.length);
    expect(first.findings).toEqual(all.slice(0, 100));
    expect((await s.firstSpanFindings(traceId, crowdedSpanId, all.length + 5)).findings).toEqual(all);
  });
  it('reports how far a lint has got while it runs, and nothing once it is done', async () => {
    const { world, spans } = generateSpans(30_000, 100, 13);
    const s = new TraceStore();
    await s.load([{ name: 'big.json', data: new TextEncoder().encode(world.otlpJson(spans)) }]);
    expect(s.lintProgress()).toBeNull();
    let isDone = false;
    const lint = s.findings().then(() => (isDone = true));
    // The page asks between the worker's lint slices (macrotasks).
    const seen: number[] = [];
    while (!isDone) {
      const f = s.lintProgress();
      if (f !== null) seen.push(f);
      await new Promise((ok) => setTimeout(ok, 0));
    }
    await lint;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
    expect(seen.at(-1)! - seen[0]!).toBeGreaterThan(0.3);
    expect(s.lintProgress()).toBeNull();
  });
});

describe('linting a big load in slices', () => {
  it('lets the worker take other messages while it lints, and gives the same findings as one run', async () => {
    const { generateSpans } = await import('../../../bench/gen.ts');
    const { runLint } = await import('../../../src/core/lint/engine.ts');
    const { ALL_RULES } = await import('../../../src/core/lint/index.ts');
    const { world, spans } = generateSpans(30_000);
    const s = new TraceStore();
    await s.load([{ name: 'big.pb', data: world.otlpProto(spans) }]);
    let done = false;
    const linting = s.findings().then((r) => ((done = true), r));
    // A message arriving after linting started (a task, as comlink's are) runs before the lint ends.
    const answeredDuringLint = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!done), 0));
    const traceId = s.traces()[0]!.traceId;
    expect(s.visibleRows(traceId, []).length).toBeGreaterThan(0);
    const { findings } = await linting;
    expect(answeredDuringLint).toBe(true);
    // Same findings, same order as the linter run in one go (the worker's options only fix the clock).
    const { DEFAULT_CONFIG } = await import('../../../src/core/lint/engine.ts');
    const oneGo = runLint(loadSame(world.otlpProto(spans)), ALL_RULES, { ...DEFAULT_CONFIG, nowMs: Date.now() });
    expect(findings.map((f) => `${f.rule}|${f.spanId}|${f.message}`)).toEqual(oneGo.map((f) => `${f.rule}|${f.spanId}|${f.message}`));
  }, 60_000);
});

function loadSame(bytes: Uint8Array): import('../../../src/core/model/assemble.ts').Dataset {
  return loadDataset([{ name: 'big.pb', bytes }]);
}
