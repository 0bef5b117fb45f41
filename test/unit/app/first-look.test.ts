// A big load's first look in the app's flows (over a real TraceStore reading 64 KiB chunks where the test
// says so): it shows while the load decodes, what the user does in it survives the load's end, and a small
// load ending beside it leaves it standing; a load failing after it ends the findings' check.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../src/app/state/actions.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { rowsOfSpanIds, spanIdAt } from '../../../src/app/span-ids.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { bigJsonLines, fakeWorker, twoTraces } from '../../support/app-flows.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

describe('a first look', () => {
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
  it('a load that ends beside a first look leaves its note, and the open trace, until the big load is done', async () => {
    const store = createStore();
    let clock = 0;
    const actions = createActions(fakeWorker(new TraceStore({ previewMinBytes: 0, chunkBytes: 64 * 1024, now: () => (clock += 100) })), store);
    await actions.loadFiles([{ name: 'demo.json', data: twoTraces().json }], 'demo');
    const small = twoTraces();
    let firstLookTrace: string | null = null;
    let smallLoad: Promise<void> | undefined;
    let whenSmallListed: { numLoadsActive: number; preview: unknown; smallTrace: boolean } | undefined;
    const stop = store.subscribe((s, before) => {
      if (s.preview && !before.preview) {
        // The user opens the first look's second trace, then drops a small file.
        firstLookTrace = s.traces[1]!.traceId;
        void actions.openTrace(firstLookTrace);
        smallLoad = actions.loadFiles([{ name: 'small.json', data: small.json }], 'user');
      }
      if (whenSmallListed === undefined && s.inputs.some((i) => i.file === 'small.json')) {
        whenSmallListed = { numLoadsActive: s.numLoadsActive, preview: s.preview, smallTrace: false };
      }
      if (whenSmallListed && s.traces !== before.traces) whenSmallListed.smallTrace ||= s.traces.some((t) => t.traceId === small.producerTraceId);
    });
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    await smallLoad;
    stop();
    // The small file was loaded and listed while the big one still loaded: its first look's note stayed.
    expect(whenSmallListed).toMatchObject({ numLoadsActive: 1, smallTrace: true });
    expect(whenSmallListed!.preview).not.toBeNull();
    const s = store.getState();
    expect(s).toMatchObject({ numLoadsActive: 0, preview: null, progress: null, numTraces: 122, traceId: firstLookTrace });
    expect(s.inputs.map((i) => i.file).sort()).toEqual(['big.jsonl', 'small.json']);
  });

  it('a load that fails after its first look leaves no findings marked as being checked, and says why', async () => {
    const traceStore = new TraceStore({ previewMinBytes: 0 });
    const worker = fakeWorker(traceStore);
    // The worker fails while assembling, after the first look went out.
    const failing = { ...worker, load: ((files, onProgress, onPreview) =>
      traceStore.load(files, (p) => {
        if (p.phase === 'assembling') throw new Error('out of memory');
        onProgress?.(p);
      }, onPreview)) as typeof worker.load };
    const store = createStore();
    const actions = createActions(failing, store);
    let pendingInFirstLook = false;
    const stop = store.subscribe((s) => void (pendingInFirstLook ||= s.preview !== null && s.findingsPending));
    await actions.loadFiles([{ name: 'big.jsonl', data: bigJsonLines() }], 'user');
    stop();
    expect(pendingInFirstLook).toBe(true);
    const s = store.getState();
    expect(s).toMatchObject({ findingsPending: false, numLoadsActive: 0, preview: null });
    expect(s.pageErrors).toEqual([expect.objectContaining({ file: 'big.jsonl', where: 'worker', message: expect.stringContaining('out of memory') })]);
  });
});
