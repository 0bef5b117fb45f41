// The app's flows over a real TraceStore (the worker's state, driven in Node) on real SDK output: loading
// opens the first trace, collapsing asks for fewer rows, links jump across traces, the user's first input
// replaces the demo, and answers that arrive after a newer request are dropped.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../src/app/state/actions.ts';
import { isMatchRow } from '../../../src/app/state/search-slice.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { defaultDetailsWidth } from '../../../src/app/state/layout-slice.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { bigJsonLines, fakeWorker, twoTraces } from '../../support/app-flows.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

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

  it('a search marks exactly the rows it matched; a new search or closing it changes the marks', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    const marked = (): number[] => [...store.getState().visibleRows].filter((row) => isMatchRow(store.getState(), row));
    expect(store.getState().visibleRows.length).toBe(100);
    await actions.search('SELECT shop.orders');
    const selects = [...store.getState().matches];
    expect(selects).toEqual([...selects].sort((a, b) => a - b)); // ascending, as isMatchRow needs
    expect(selects.length).toBe(33); // every third child of the trace's 100 spans
    expect(marked()).toEqual(selects);
    // Matches only: the matches (passed on as the Int32Array they came as) and their ancestors: exactly the
    // rows that are a match or hold one in their subtree.
    await actions.showMatchesOnly(true);
    const { subtreeEnd } = store.getState().columns!;
    const expected = [...Array(100).keys()].filter((row) => selects.some((m) => m >= row && m < subtreeEnd[row]!));
    expect(expected.length).toBeGreaterThan(selects.length);
    expect([...store.getState().visibleRows].sort((a, b) => a - b)).toEqual(expected);
    await actions.showMatchesOnly(false);
    expect(store.getState().visibleRows.length).toBe(100);
    await actions.search('step 1');
    const steps = [...store.getState().matches];
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.some((row) => selects.includes(row))).toBe(false);
    expect(marked()).toEqual(steps);
    store.getState().searchOpened(false);
    expect(marked()).toEqual([]);
  });

  it("a load's trace list and its first trace's rows reach the store together, so the page draws once", async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    const mine = new SdkWorld(9);
    const root = mine.span('api', { name: 'GET /mine', kind: SpanKind.SERVER, startMs: 0, endMs: 3 });
    mine.span('api', { name: 'child', startMs: 1, endMs: 2 }, root);
    // What the page would draw for a new trace list: React renders once per burst of store updates, when
    // the code that made them hands control back (a microtask), so each burst is seen as of its end.
    const atNewList: Array<{ traceId: string | null; columnsOf: string | null; numRows: number }> = [];
    let burst: { newList: boolean } | null = null;
    const stop = store.subscribe((s, before) => {
      if (!burst) {
        const seen = (burst = { newList: false });
        queueMicrotask(() => {
          burst = null;
          const now = store.getState();
          if (seen.newList) atNewList.push({ traceId: now.traceId, columnsOf: now.columns?.traceId ?? null, numRows: now.visibleRows.length });
        });
      }
      if (s.traces !== before.traces) burst.newList = true;
    });
    await actions.loadFiles([{ name: 'mine.json', data: mine.otlpJson() }], 'user');
    stop();
    const mineId = root.spanContext().traceId;
    expect(atNewList).toEqual([{ traceId: mineId, columnsOf: mineId, numRows: 2 }]);
  });

  it('opening another trace with "matches only" on shows that trace\'s matches and their ancestors only', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    await actions.search('SELECT shop.orders');
    await actions.showMatchesOnly(true);
    const other = store.getState().traces.find((t) => t.traceId !== store.getState().traceId)!;
    await actions.openTrace(other.traceId);
    const s = store.getState();
    expect(s.columns?.traceId).toBe(other.traceId);
    const matches = [...s.matches];
    expect(matches.length).toBeGreaterThan(0);
    const { subtreeEnd } = s.columns!;
    const expected = [...Array(subtreeEnd.length).keys()].filter((row) => matches.some((m) => m >= row && m < subtreeEnd[row]!));
    expect(expected.length).toBeLessThan(subtreeEnd.length);
    expect([...s.visibleRows].sort((a, b) => a - b)).toEqual(expected);
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
  it("a first look's note and the progress stay while a load runs, and go with the last, however it ends", () => {
    const store = createStore();
    const progress = { file: 'big.jsonl', fileIdx: 0, numFiles: 1, bytesDone: 1, bytesTotal: 2, numSpans: 3, phase: 'decoding', elapsedMs: 4 } as const;
    const finish = { inputs: [], numSpans: 0, numTraces: 0, source: 'user' } as const;
    for (const end of [() => store.getState().loadFinished(finish), () => store.getState().loadFailed({ file: 'x', where: 'worker', message: 'm' }), () => store.getState().loadSuperseded()]) {
      store.getState().loadStarted('user');
      store.getState().loadStarted('user');
      store.getState().previewShown(4000, 40);
      store.getState().loadProgressed(progress);
      store.getState().loadFinished(finish);
      expect(store.getState()).toMatchObject({ numLoadsActive: 1, preview: { numSpans: 4000 }, progress });
      end();
      expect(store.getState()).toMatchObject({ numLoadsActive: 0, preview: null, progress: null });
    }
  });

  it('a crashed worker ends every load under way and says so', () => {
    const store = createStore();
    store.getState().loadStarted();
    store.getState().loadStarted();
    store.getState().findingsRequested();
    store.getState().workerCrashed('out of memory');
    const s = store.getState();
    expect(s.numLoadsActive).toBe(0);
    expect(s.findingsPending).toBe(false); // no findings will come to end the check
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

  it('keeps 120 px of span names and 120 px of timeline, however far the name column is dragged', () => {
    const store = createStore();
    expect(store.getState().nameColFraction).toBe(0.42);
    store.getState().nameColResized(300, 1000);
    expect(store.getState().nameColFraction).toBe(0.3);
    store.getState().nameColResized(990, 1000);
    expect(store.getState().nameColFraction).toBe(0.88);
    store.getState().nameColResized(-50, 1000);
    expect(store.getState().nameColFraction).toBe(0.12);
    // Before the waterfall's width is measured, a resize changes nothing.
    store.getState().nameColResized(500, 0);
    expect(store.getState().nameColFraction).toBe(0.12);
  });

  it('opens the details pane at 460 px in a wide window and narrower below 1,400 px, never under 340', () => {
    expect([1920, 1400, 1380, 1280, 1024, 960, 640].map(defaultDetailsWidth)).toEqual([460, 460, 440, 340, 340, 340, 340]);
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

  it('Clear during a big load stops it: nothing of it shows, and nothing is counted as loading', async () => {
    const store = createStore();
    let clock = 0;
    // Summaries answer slowly: the load's own refresh would come after the clear's, and must not undo it.
    const worker = fakeWorker(new TraceStore({ previewMinBytes: 0, chunkBytes: 64 * 1024, now: () => (clock += 100) }), new Map([['traces', 30]]));
    const actions = createActions(worker, store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    let cleared: Promise<void> | undefined;
    const stop = store.subscribe((s) => {
      if (s.preview && !cleared) cleared = actions.clearAll();
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    await cleared;
    stop();
    expect(cleared).toBeDefined();
    expect(store.getState()).toMatchObject({ numLoadsActive: 0, source: 'none', numSpans: 0, traces: [], inputs: [], preview: null, traceId: null });
    // Nothing of the big load is left behind: the next load's input is the only one.
    await actions.loadFiles([{ name: 'small.json', data: twoTraces().json }], 'user');
    expect(store.getState()).toMatchObject({ numTraces: 2, inputs: [expect.objectContaining({ file: 'small.json' })] });
  });

  it('a load that ends after a Clear (a file decoded whole finishes first) shows nothing of itself', async () => {
    // The worker stops a load at its next chunk; one in the middle of decoding a whole file ends later.
    class FinishesFirst extends TraceStore {
      override cancelLoad(): void {}
    }
    const store = createStore();
    let clock = 0;
    const actions = createActions(fakeWorker(new FinishesFirst({ previewMinBytes: 0, chunkBytes: 64 * 1024, now: () => (clock += 100) })), store);
    let cleared: Promise<void> | undefined;
    const stop = store.subscribe((s) => {
      if (s.preview && !cleared) cleared = actions.clearAll();
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    stop();
    expect(cleared).toBeDefined();
    expect(store.getState()).toMatchObject({ numLoadsActive: 0, source: 'none', numSpans: 0, traces: [], inputs: [], traceId: null });
  });
});
