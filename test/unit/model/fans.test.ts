// Fans of similar siblings: found from SDK-made spans, folded into their head row with aggregate timing,
// unfolded on demand; keyboard moves and the worker's visible rows honour them.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { findFans, foldedFanRows, FAN_MIN } from '../../../src/core/model/fans.ts';
import { deriveRows } from '../../../src/core/model/rows.ts';
import { keyMove } from '../../../src/app/waterfall-keys.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

/** A request that loops over 120 orders with one SELECT each (every 40th fails, each has a child), plus a few other spans. */
function loopWorld(numSelects = 120): SdkWorld {
  const w = new SdkWorld(31);
  const root = w.start('orders', { name: 'GET /orders', kind: SpanKind.SERVER, startMs: 0 });
  w.span('orders', { name: 'auth', startMs: 0.1, endMs: 0.5 }, root);
  for (let i = 0; i < numSelects; i++) {
    const s = w.start('orders', { name: 'SELECT shop.orders', kind: SpanKind.CLIENT, startMs: 1 + i, attributes: { 'db.system.name': 'postgresql', 'app.order': i } }, root);
    w.span('orders', { name: 'pool.acquire', startMs: 1 + i, endMs: 1.1 + i }, s);
    if (i % 40 === 39) s.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock' });
    s.end([1714564800, (1 + i) * 1e6 + 500_000 + (i % 3) * 100_000]);
  }
  w.span('orders', { name: 'render', startMs: 200, endMs: 201 }, root);
  root.end([1714564800, 202e6]);
  return w;
}

const load = (w: SdkWorld) => loadDataset([{ name: 'loop.json', bytes: new TextEncoder().encode(w.otlpJson()) }]);

describe('fans of similar siblings', () => {
  it('finds the loop of SELECTs as one fan with its count and aggregate timing', () => {
    const ds = load(loopWorld());
    const trace = ds.traces[0]!;
    const { fans, fanOf } = findFans(ds, trace);
    // pool.acquire spans have one parent each, so they form no fan; only the SELECTs do.
    expect(fans).toHaveLength(1);
    const fan = fans[0]!;
    expect(fan).toMatchObject({ count: 120, name: 'SELECT shop.orders', parentRow: 0, numErrors: 3 });
    expect(fan.minNs).toBe(500_000);
    expect(fan.maxNs).toBe(700_000);
    expect(fan.totalNs).toBe(40 * (500_000 + 600_000 + 700_000));
    expect(fan.startNs).toBe(1_000_000);
    expect(fan.endNs).toBe(120e6 + 700_000); // the last SELECT starts at 120 ms and lasts 0.7 ms (119 % 3 = 2)
    expect([...fanOf].filter((f) => f === 0)).toHaveLength(120);
  });

  it('folds a fan into its head row (members and their children hidden) and unfolds it again', () => {
    const ds = load(loopWorld());
    const trace = ds.traces[0]!;
    const fans = findFans(ds, trace);
    const folded = foldedFanRows(trace, fans, new Set());
    const rows = deriveRows(trace, { collapsed: folded.foldedHeads, hidden: folded.hidden });
    // root, auth, the folded SELECT row, render.
    expect(rows).toHaveLength(4);
    expect([...rows]).toContain(fans.fans[0]!.headRow);
    const unfolded = foldedFanRows(trace, fans, new Set([0]));
    expect(deriveRows(trace, { collapsed: unfolded.foldedHeads, hidden: unfolded.hidden })).toHaveLength(trace.numRows);
  });

  it(`leaves fewer than ${FAN_MIN} similar siblings alone`, () => {
    const ds = load(loopWorld(FAN_MIN - 1));
    expect(findFans(ds, ds.traces[0]!).fans).toEqual([]);
  });

  it('the worker folds fans by default and shows every row with the fan unfolded', async () => {
    const store = new TraceStore();
    await store.load([{ name: 'loop.json', data: new TextEncoder().encode(loopWorld().otlpJson()) }]);
    const traceId = store.traces()[0]!.traceId;
    const cols = store.waterfall(traceId)!;
    expect(cols.fans).toHaveLength(1);
    expect(store.visibleRows(traceId, [])).toHaveLength(4);
    expect(store.visibleRows(traceId, [], undefined, [0])).toHaveLength(cols.numRows);
    expect(store.visibleRows(traceId, [], undefined, 'all')).toHaveLength(cols.numRows);
  });

  it("the worker's collapse all shows what collapsing every parent row shows, fans folded or not, matches only or not", async () => {
    const store = new TraceStore();
    await store.load([{ name: 'loop.json', data: new TextEncoder().encode(loopWorld().otlpJson()) }]);
    const traceId = store.traces()[0]!.traceId;
    const cols = store.waterfall(traceId)!;
    const parents = [...cols.subtreeEnd.keys()].filter((row) => cols.subtreeEnd[row]! > row + 1);
    expect(parents.length).toBeGreaterThan(1);
    const matches = [cols.numRows - 1, 2];
    for (const fans of [[], [0], 'all'] as const) {
      for (const only of [undefined, matches]) {
        expect([...store.visibleRows(traceId, 'all', only, fans)], `${String(fans)} ${String(only)}`).toEqual([...store.visibleRows(traceId, parents, only, fans)]);
      }
    }
  });

  it('→ unfolds a folded fan head and ← folds it again; other rows move as before', () => {
    const ds = load(loopWorld());
    const trace = ds.traces[0]!;
    const fans = findFans(ds, trace);
    const head = fans.fans[0]!.headRow;
    const ctx = { visibleRows: new Int32Array([0, 1, head]), depth: trace.depth, subtreeEnd: trace.subtreeEnd, collapsed: new Set([head]), selectedRow: head, fanOf: fans.fanOf, fanHeads: [head] };
    expect(keyMove('ArrowRight', { ...ctx, expandedFans: new Set() })).toEqual({ type: 'fan', fanIdx: 0 });
    expect(keyMove('ArrowLeft', { ...ctx, collapsed: new Set(), expandedFans: new Set([0]) })).toEqual({ type: 'fan', fanIdx: 0 });
    expect(keyMove('ArrowUp', { ...ctx, expandedFans: new Set() })).toEqual({ type: 'select', row: 1 });
  });
});
