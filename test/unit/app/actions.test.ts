// The app's flows over a real TraceStore (the worker's state, driven in Node) on real SDK output: loading
// opens the first trace, collapsing asks for fewer rows, links jump across traces, the user's first input
// replaces the demo, and answers that arrive after a newer request are dropped.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../src/app/state/actions.ts';
import { createStore } from '../../../src/app/state/store.ts';
import type { TraceWorker } from '../../../src/app/worker-client.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { rowsOfSpanIds, spanIdAt } from '../../../src/app/span-ids.ts';

/**
 * The worker API over a TraceStore. Like the real worker it handles requests in the order they are sent
 * (each runs at call time); its answers arrive asynchronously, and `delays` holds chosen answers back, so
 * they can arrive after newer ones.
 */
function fakeWorker(store: TraceStore, delays: Map<string, number> = new Map()): TraceWorker {
  const later = <T>(key: string, answer: () => T) => {
    const value = answer();
    return new Promise<T>((ok) => setTimeout(() => ok(value), delays.get(key) ?? 0));
  };
  const api = {
    load: (files: Parameters<TraceStore['load']>[0], onProgress?: Parameters<TraceStore['load']>[1], onPreview?: Parameters<TraceStore['load']>[2]) => store.load(files, onProgress, onPreview),
    clear: () => later('clear', () => store.clear()),
    generation: () => later('generation', () => store.generation),
    inputs: () => later('inputs', () => store.inputs()),
    traces: () => later('traces', () => store.traces()),
    waterfall: (traceId: string) => later(`waterfall:${traceId}`, () => store.waterfall(traceId)),
    visibleRows: (traceId: string, collapsed: number[] | 'all', onlyRows?: number[], expandedFans?: number[] | 'all') => later('visibleRows', () => store.visibleRows(traceId, collapsed, onlyRows, expandedFans)),
    search: (traceId: string, text: string) => later('search', () => store.search(traceId, text)),
    findings: (options?: Parameters<TraceStore['findingsForPage']>[0]) => later('findings', () => store.findingsForPage(options)),
    lintProgress: () => later('lintProgress', () => store.lintProgress()),
    findingRowSeverities: (traceId: string) => later('findingRowSeverities', () => store.findingRowSeverities(traceId)),
    spanDetails: (traceId: string, row: number) => later('spanDetails', () => store.spanDetails(traceId, row)),
    findSpan: (spanId: string, traceId?: string) => later('findSpan', () => store.findSpan(spanId, traceId)),
    traceql: (query: string) => later('traceql', () => store.traceql(query)),
  };
  return api as unknown as TraceWorker;
}

/** Two traces: a producer trace (root → child → grandchild) and a consumer trace linking to the child. */
function twoTraces() {
  const w = new SdkWorld(3);
  const root = w.start('api', { name: 'POST /order', kind: SpanKind.SERVER, startMs: 0 });
  const send = w.start('api', { name: 'send', kind: SpanKind.PRODUCER, startMs: 1 }, root);
  w.span('api', { name: 'serialize', startMs: 1.5, endMs: 2 }, send);
  send.end([1714564800, 3_000_000]);
  root.end([1714564800, 10_000_000]);
  w.span('worker', { name: 'process', kind: SpanKind.CONSUMER, startMs: 20, endMs: 30, links: [{ context: send.spanContext() }] });
  return { json: w.otlpJson(), producerTraceId: root.spanContext().traceId, sendId: send.spanContext().spanId };
}

describe('app flows', () => {
  it('loading opens the earliest trace with every row visible; collapse hides a subtree', async () => {
    const t = twoTraces();
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'a.json', data: t.json }], 'user');
    const s = store.getState();
    expect(s.numTraces).toBe(2);
    expect(s.traceId).toBe(t.producerTraceId);
    expect([...s.visibleRows]).toEqual([0, 1, 2]);
    await actions.toggleRow(1);
    expect([...store.getState().visibleRows]).toEqual([0, 1]);
    await actions.collapseAll();
    expect([...store.getState().visibleRows]).toEqual([0]);
    expect([...store.getState().collapsed].sort()).toEqual([0, 1]);
    await actions.expandAll();
    expect([...store.getState().visibleRows]).toEqual([0, 1, 2]);
  });

  it('a link jumps into the other trace, uncollapsing the target and selecting it', async () => {
    const t = twoTraces();
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'a.json', data: t.json }], 'user');
    await actions.collapseAll();
    const consumerTrace = store.getState().traces.find((x) => x.traceId !== t.producerTraceId)!;
    await actions.openTrace(consumerTrace.traceId);
    await actions.selectRow(0);
    const link = store.getState().details!.links[0]!;
    expect(link.target).not.toBeNull();
    await actions.jumpTo(link.target!);
    const s = store.getState();
    expect(s.traceId).toBe(t.producerTraceId);
    expect(s.details?.spanId).toBe(t.sendId);
    expect(s.visibleRows).toContain(s.selectedRow);
    expect(s.scrollRequest?.row).toBe(s.selectedRow);
  });

  it("the user's first own input replaces the demo; later inputs merge with it", async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    expect(store.getState().source).toBe('demo');
    const mine = new SdkWorld(9);
    mine.span('mine', { name: 'only', startMs: 0, endMs: 1 });
    await actions.loadFiles([{ name: 'mine.json', data: mine.otlpJson() }], 'user');
    expect(store.getState().numTraces).toBe(1);
    expect(store.getState().inputs.map((i) => i.file)).toEqual(['mine.json']);
    await actions.loadFiles([{ name: 'more.json', data: twoTraces().json }], 'user');
    expect(store.getState().numTraces).toBe(3);
    expect(store.getState().source).toBe('user');
  });

  it("findings are marked as being checked until they come; the demo's are not shown beside the user's data", async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore(), new Map([['findings', 30]])), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    const demoFindings = store.getState().findings.length;
    expect(demoFindings).toBeGreaterThan(0);
    expect(store.getState().findingsPending).toBe(false);
    // The moment the user's load is shown: no findings yet, and none claimed.
    let atLoadEnd: { findings: number; pending: boolean; numTraces: number } | undefined;
    const stop = store.subscribe((s, before) => {
      if (atLoadEnd === undefined && before.numLoadsActive === 1 && s.numLoadsActive === 0) atLoadEnd = { findings: s.findings.length, pending: s.findingsPending, numTraces: s.numTraces };
    });
    const mine = new SdkWorld(9);
    mine.span('mine', { name: 'GET /only', kind: SpanKind.CLIENT, startMs: 0, endMs: 1 });
    await actions.loadFiles([{ name: 'mine.json', data: mine.otlpJson() }], 'user');
    stop();
    expect(atLoadEnd).toEqual({ findings: 0, pending: true, numTraces: 1 });
    const s = store.getState();
    expect(s.findingsPending).toBe(false);
    expect(s.findings.length).toBeGreaterThan(0);
    expect(s.findings.every((f) => f.traceId === mine.finished()[0]!.spanContext().traceId)).toBe(true);
    // New lint settings: checking again, the findings shown meanwhile kept until the answer.
    const shown = s.findings.length;
    const off = s.findings[0]!.rule;
    const relint = actions.setLintOptions({ disable: [off] });
    expect(store.getState()).toMatchObject({ findingsPending: true });
    expect(store.getState().findings).toHaveLength(shown);
    await relint;
    expect(store.getState().findingsPending).toBe(false);
    expect(store.getState().findings.some((f) => f.rule === off)).toBe(false);
  });

  it('drops a stale answer: a slow waterfall for an earlier click never replaces a newer one', async () => {
    const t = twoTraces();
    const traceStore = new TraceStore();
    await traceStore.load([{ name: 'a.json', data: t.json }]);
    const [first, second] = traceStore.traces();
    const store = createStore();
    const actions = createActions(fakeWorker(traceStore, new Map([[`waterfall:${first!.traceId}`, 50]])), store);
    const slow = actions.openTrace(first!.traceId);
    const fast = actions.openTrace(second!.traceId);
    await Promise.all([slow, fast]);
    expect(store.getState().traceId).toBe(second!.traceId);
    expect(store.getState().columns?.traceId).toBe(second!.traceId);
  });
});

describe('ingest slice', () => {
  it('a crashed worker ends every load under way and says so', () => {
    const store = createStore();
    store.getState().loadStarted();
    store.getState().loadStarted();
    store.getState().workerCrashed('out of memory');
    const s = store.getState();
    expect(s.numLoadsActive).toBe(0);
    expect(s.progress).toBeNull();
    expect(s.pageErrors).toEqual([{ file: '(trace worker)', where: 'worker', message: 'out of memory; reload the page to start again' }]);
  });
});

describe('layout slice', () => {
  it('keeps panels from vanishing: sizes are clamped, and a tiny window still gets the minimum', () => {
    const store = createStore();
    store.getState().detailsResized(5000, 1400);
    expect(store.getState().detailsWidthPx).toBe(1400 - 420);
    store.getState().detailsResized(10, 1400);
    expect(store.getState().detailsWidthPx).toBe(280);
    store.getState().listResized(300, 200);
    expect(store.getState().listHeightPx).toBe(64);
  });
});

describe('overlapping loads', () => {
  it('both end: the older one, overtaken by the newer, still leaves no load counted as active', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    const first = actions.loadFiles([{ name: 'a.json', data: twoTraces().json }], 'user');
    const mine = new SdkWorld(9);
    mine.span('mine', { name: 'only', startMs: 0, endMs: 1 });
    const second = actions.loadFiles([{ name: 'b.json', data: mine.otlpJson() }], 'user');
    await Promise.all([first, second]);
    expect(store.getState().numLoadsActive).toBe(0);
    expect(store.getState().numTraces).toBe(3);
    expect(store.getState().inputs.map((i) => i.file)).toEqual(['a.json', 'b.json']);
  });

  it('a user load started while another replaces the demo keeps it, instead of clearing it as the demo', async () => {
    const store = createStore();
    // Summaries answer slowly, so the first load is still under way (its spans in the worker) when the second starts.
    const actions = createActions(fakeWorker(new TraceStore(), new Map([['traces', 30]])), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    const mine = new SdkWorld(9);
    mine.span('mine', { name: 'only', startMs: 0, endMs: 1 });
    const first = actions.loadFiles([{ name: 'a.json', data: mine.otlpJson() }], 'user');
    await new Promise((ok) => setTimeout(ok, 10));
    const second = actions.loadFiles([{ name: 'b.json', data: twoTraces().json }], 'user');
    await Promise.all([first, second]);
    expect(store.getState().inputs.map((i) => i.file).sort()).toEqual(['a.json', 'b.json']);
    expect(store.getState().numTraces).toBe(3);
    expect(store.getState().numLoadsActive).toBe(0);
  });

  it('a big load shows its first look while it decodes, then the whole load replaces it', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore({ previewMinBytes: 0 })), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    await actions.search('serialize');
    expect(store.getState().matches.length).toBe(1);
    await actions.runQuery('{ status = error }');
    expect(store.getState().queryRows).toEqual(new Map());
    const seen: Array<{ numSpans: number; numTraces: number; traceId: string | null; rows: number; inputs: number; findings: number; matches: number; searchText: string; queryRows: unknown; queryText: string }> = [];
    const stop = store.subscribe((s, before) => {
      if (s.preview && !before.preview) {
        // The user opens the first look's second trace: the load's end keeps it open.
        void actions.openTrace(s.traces[1]!.traceId);
        seen.push({ numSpans: s.numSpans, numTraces: s.numTraces, traceId: s.traceId, rows: s.visibleRows.length, inputs: s.inputs.length, findings: s.findings.length, matches: s.matches.length, searchText: s.searchText, queryRows: s.queryRows, queryText: s.queryText });
      }
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    stop();
    // One first look: its own counts (the demo's input and findings gone), the earliest trace drawn.
    expect(seen).toHaveLength(1);
    const [first] = seen;
    expect(first!.numSpans).toBeGreaterThan(3000);
    expect(first!.numSpans).toBeLessThan(12_000);
    expect(first!.numTraces).toBeLessThan(120);
    // The demo's input, findings, search matches and query answer are gone (the preview's traces are all
    // listed); the search and the query stay, to run again over the loaded data.
    expect(first).toMatchObject({ inputs: 0, findings: 0, matches: 0, searchText: 'serialize', queryRows: null, queryText: '{ status = error }' });
    expect(first!.rows).toBeGreaterThan(0);
    const s = store.getState();
    expect(s.preview).toBeNull();
    expect(s).toMatchObject({ numSpans: 12_000, numTraces: 120, source: 'user' });
    const chosen = s.traces.find((t) => t.traceId === s.traceId)!;
    expect(s.traceId).not.toBe(first!.traceId);
    expect(s.columns?.traceId).toBe(s.traceId);
    expect(s.visibleRows.length).toBeGreaterThan(0);
    expect(chosen.numSpans).toBe(100);
    // Every generated trace has an error span: the query, run again, lists them all.
    expect(s.queryRows?.size).toBe(120);
  });

  it('a span selected in a first look is selected again, with its details, once the load is done', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore({ previewMinBytes: 0 })), store);
    let chosen: string | undefined;
    const stop = store.subscribe((s, before) => {
      if (s.preview && !before.preview) {
        chosen = spanIdAt(s.columns!, 5);
        void actions.selectRow(5);
      }
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    stop();
    await new Promise((ok) => setTimeout(ok, 10));
    const s = store.getState();
    expect(chosen).toBeDefined();
    expect(s.preview).toBeNull();
    expect(s.selectedRow).not.toBeNull();
    expect(spanIdAt(s.columns!, s.selectedRow!)).toBe(chosen);
    expect(s.details?.spanId).toBe(chosen);
  });

  it('folds and a selection made in a first look are kept once the load is done', async () => {
    // The earliest trace read: a root with a fan of 30 SELECTs and a "validate" span with a child.
    const w = new SdkWorld(41);
    const root = w.start('api', { name: 'GET /report', kind: SpanKind.SERVER, startMs: -5000 });
    const selects = Array.from({ length: 30 }, (_, i) => w.span('api', { name: 'SELECT report', kind: SpanKind.CLIENT, startMs: -4999 + i * 0.1, endMs: -4998.95 + i * 0.1 }, root));
    const validate = w.start('api', { name: 'validate', startMs: -4990 }, root);
    w.span('api', { name: 'check', startMs: -4989, endMs: -4988 }, validate);
    validate.end(at(-4987));
    root.end(at(-4980));
    const [rootId, validateId, memberId] = [root, validate, selects[7]!].map((span) => span.spanContext().spanId);
    const store = createStore();
    // Chunks of 64 KiB and a clock that makes the reader yield after each: the page's questions asked in the
    // first look are answered while the load runs, as in the browser.
    let clock = 0;
    const worker = fakeWorker(new TraceStore({ previewMinBytes: 0, chunkBytes: 64 * 1024, now: () => (clock += 100) }));
    const actions = createActions(worker, store);
    let inFirstLook: Promise<boolean> | undefined;
    const stop = store.subscribe((s, before) => {
      if (!s.preview || before.preview) return;
      inFirstLook = (async () => {
        const c = s.columns!;
        await actions.toggleFan(c.fans.findIndex((f) => f.name === 'SELECT report'));
        await actions.toggleRow(rowsOfSpanIds(c, [validateId!]).get(validateId!)!);
        await actions.selectRow(rowsOfSpanIds(c, [memberId!]).get(memberId!)!);
        return store.getState().preview !== null && spanIdAt(store.getState().columns!, 0) === rootId;
      })();
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: `${w.otlpJson()}\n${bigJsonLines()}` }], 'user');
    stop();
    expect(await inFirstLook).toBe(true); // all three were answered during the first look
    await new Promise((ok) => setTimeout(ok, 10));
    const s = store.getState();
    const c = s.columns!;
    expect(s.preview).toBeNull();
    expect(s.numSpans).toBe(12_033);
    expect(spanIdAt(c, 0)).toBe(rootId);
    expect([...s.expandedFans].map((f) => c.fans[f]!.name)).toEqual(['SELECT report']);
    expect([...s.collapsed].map((row) => spanIdAt(c, row))).toEqual([validateId]);
    // validate's child is hidden; the fan's 30 members show; the member picked is selected, with its details.
    const shown = new Set([...s.visibleRows].map((row) => spanIdAt(c, row)));
    expect(shown.size).toBe(32);
    expect(selects.every((span) => shown.has(span.spanContext().spanId))).toBe(true);
    expect(spanIdAt(c, s.selectedRow!)).toBe(memberId);
    expect(s.details?.spanId).toBe(memberId);
  });
});

/** 12,000 SDK spans in traces of 100 as OTLP JSON lines, 200 spans a line (a Collector file exporter's shape). */
function bigJsonLines(): string {
  const { world, spans } = generateSpans(12_000, 100, 5);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
  return `${lines.join('\n')}\n`;
}
