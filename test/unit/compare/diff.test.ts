// Comparing two SDK-made runs of one checkout: the slow run is missing the cache span, has one extra retry of
// the payment call, and its first payment call and root are slower. The expected diff is worked out by hand
// from the span times in test/support/checkout-runs.ts.
import { describe, expect, it } from 'vitest';
import type { DiffNode, TraceDiff } from '../../../src/core/compare/diff.ts';
import { mergeSiblings } from '../../../src/core/compare/align.ts';
import { tracesInSeveralInputs } from '../../../src/core/compare/side.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { checkoutRun } from '../../support/checkout-runs.ts';
import { handDataset } from '../../support/hand-records.ts';
import { compareTraces } from '../../../src/core/compare/diff.ts';

const MARK: Record<DiffNode['status'], string> = { same: '=', added: '+', removed: '-', changed: '~' };
const ms = (ns: number | undefined) => (ns === undefined ? '·' : `${(ns / 1e6).toFixed(1)}ms`);

/** One line per node: marker, indented path step, durations A → B, the delta in percent. */
function dump(diff: TraceDiff): string {
  return diff.nodes
    .map((n) => `${MARK[n.status]} ${'  '.repeat(n.depth)}${n.segment} ${ms(n.durA)} → ${ms(n.durB)}${n.deltaPct === null ? '' : ` ${n.deltaPct >= 0 ? '+' : ''}${n.deltaPct.toFixed(0)}%`}`)
    .join('\n');
}

async function storeWith(files: Array<[string, string]>): Promise<TraceStore> {
  const store = new TraceStore();
  await store.load(files.map(([name, data]) => ({ name, data })));
  return store;
}

const EXPECTED = [
  '~ checkout: POST /checkout 100.0ms → 200.0ms +100%',
  '=   checkout: GET /cart 15.0ms → 15.0ms +0%',
  '-   checkout: redis GET 2.0ms → ·',
  '~   checkout: POST /charge 50.0ms → 60.0ms +20%',
  '=     payments: POST /charge 46.0ms → 46.0ms +0%',
  '=       payments: INSERT payments 30.0ms → 30.0ms +0%',
  '+   checkout: POST /charge #2 · → 95.0ms',
].join('\n');

describe('compareTraces', () => {
  it('aligns a good and a slow run by path: one removed cache span, one added retry, deltas', async () => {
    const good = checkoutRun(false, 11);
    const slow = checkoutRun(true, 12);
    const store = await storeWith([['good.json', good.otlpJson()], ['slow.json', slow.otlpJson()]]);
    const idOf = (w: typeof good) => w.finished()[0]!.spanContext().traceId;
    const result = structuredClone(store.compare({ traceId: idOf(good) }, { traceId: idOf(slow) }));
    if (!result.ok) throw new Error(result.message);
    expect(dump(result.diff)).toBe(EXPECTED);
    expect(result.diff.totals).toEqual({ numSpansA: 6, numSpansB: 6, numAdded: 1, numRemoved: 1, numChanged: 2, numSame: 3, durationA: 100e6, durationB: 200e6 });
    const root = result.diff.nodes[0]!;
    // Self time: the root's own time outside its children (good: 100 − 15 − 2 − 50 = 33 ms; slow: 200 − 15 − 60 − 95 = 30 ms).
    expect([root.selfA, root.selfB, root.deltaNs]).toEqual([33e6, 30e6, 100e6]);
    const retry = result.diff.nodes[6]!;
    expect([retry.rowA, retry.rowB, retry.parentNode, retry.deltaNs]).toEqual([undefined, 5, 0, 95e6]);
    // Swapping the sides swaps added and removed.
    const back = store.compare({ traceId: idOf(slow) }, { traceId: idOf(good) });
    expect(back.ok && back.diff.nodes.map((n) => n.status).join(' ')).toBe('changed same added changed same same removed');
  });

  it('compares the same trace id from two files by input, where the merged trace would mix both runs', async () => {
    const store = await storeWith([['good.json', checkoutRun(false, 7).otlpJson()], ['slow.json', checkoutRun(true, 7).otlpJson()]]);
    expect(store.data.traces).toHaveLength(1);
    const traceId = store.data.traces[0]!.traceId;
    expect(tracesInSeveralInputs(store.data)).toEqual([{ traceId, inputIdxs: [0, 1] }]);
    const result = store.compare({ traceId, inputIdx: 0 }, { traceId, inputIdx: 1 });
    expect(result.ok && dump(result.diff)).toBe(EXPECTED);
    // The merged trace against one input's copy is not the same comparison.
    const merged = store.compare({ traceId }, { traceId, inputIdx: 1 });
    expect(merged.ok && dump(merged.diff)).not.toBe(EXPECTED);
  });

  it('the same file loaded twice compares equal, copy against copy', async () => {
    const text = checkoutRun(false, 3).otlpJson();
    const store = await storeWith([['a.json', text], ['b.json', text]]);
    const traceId = store.data.traces[0]!.traceId;
    const result = store.compare({ traceId, inputIdx: 0 }, { traceId, inputIdx: 1 });
    expect(result.ok && result.diff.nodes.map((n) => n.status)).toEqual(Array(6).fill('same'));
  });

  it('reports a side that is not loaded as a value', async () => {
    const store = await storeWith([['good.json', checkoutRun(false, 11).otlpJson()]]);
    const traceId = store.data.traces[0]!.traceId;
    expect(store.compare({ traceId }, { traceId: 'ffff' })).toEqual({ ok: false, message: 'trace ffff is not loaded' });
    expect(store.compare({ traceId }, { traceId, inputIdx: 4 })).toEqual({ ok: false, message: `trace ${traceId} from input 4 is not loaded` });
  });
});

describe('compareTraces on deep traces', () => {
  it('aligns two 100k-deep chains without recursing; the one extra span at the bottom is added', () => {
    const chain = (trace: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${trace}${i}`, parent: i ? `${trace}${i - 1}` : '', trace, name: 'step', startMs: i / 1000, endMs: 1000 }));
    const ds = handDataset(chain('a', 100_000), chain('b', 100_001));
    const result = compareTraces(ds, { traceId: 'a' }, { traceId: 'b' });
    if (!result.ok) throw new Error(result.message);
    expect(result.diff.nodes).toHaveLength(100_001);
    expect(result.diff.totals).toMatchObject({ numAdded: 1, numRemoved: 0, numSame: 100_000 });
    expect(result.diff.nodes.at(-1)).toMatchObject({ status: 'added', depth: 100_000, parentNode: 99_999 });
  }, 60_000);
});

describe('mergeSiblings', () => {
  const path = Int32Array.from([10, 11, 12, 13, 14, 15]);
  it('keeps A order and puts B-only children after the shared child before them in B', () => {
    // A: rows 0 1 2 (paths 10 11 12); B: rows 3 4 5 re-pathed as 11, 20, 10 → crossing order.
    const pathB = Int32Array.from([0, 0, 0, 11, 20, 10]);
    expect(mergeSiblings([0, 1, 2], path, [3, 4, 5], pathB)).toEqual([[0, 5], [1, 3], [-1, 4], [2, -1]]);
  });
  it('a shared child already placed does not pull the rest of A ahead of a later B-only child', () => {
    // B: paths 11, 10, 20. Reaching 11 places 10 and 11; 10 again must not flush 12 before B's 20.
    const pathB = Int32Array.from([0, 0, 0, 11, 10, 20]);
    expect(mergeSiblings([0, 1, 2], path, [3, 4, 5], pathB)).toEqual([[0, 4], [1, 3], [-1, 5], [2, -1]]);
  });
});
