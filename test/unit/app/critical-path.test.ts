// The critical path toggle in the app's flows, over a real TraceStore: a second click hides the path, also
// while it is still being worked out (a long trace's takes seconds), so hidden stays hidden.
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../src/app/state/actions.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { criticalSectionsOf, isFanOnPath } from '../../../src/app/state/waterfall-slice.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { fakeWorker, twoTraces } from '../../support/app-flows.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';
import { loopsWorld } from '../../support/loops-world.ts';

/** A request that queries two backends at once: the shorter call is off the critical path, the root owns two sections. */
function fanOut(): string {
  const w = new SdkWorld(7);
  const root = w.start('api', { name: 'GET /search', startMs: 0 });
  w.span('api', { name: 'query index', startMs: 1, endMs: 9 }, root);
  w.span('api', { name: 'query ads', startMs: 2, endMs: 4 }, root);
  root.end(at(10));
  return w.otlpJson();
}

describe('the critical path toggle', () => {
  it('shows the open trace\'s path; a second click hides it', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'a.json', data: twoTraces().json }], 'user');
    const traceId = store.getState().traceId;
    await actions.toggleCriticalPath();
    expect(store.getState().criticalPath?.traceId).toBe(traceId);
    expect(store.getState().criticalPath!.rows.length).toBeGreaterThan(0);
    await actions.toggleCriticalPath();
    expect(store.getState().criticalPath).toBeNull();
  });

  it('a second click while the path is still being worked out keeps it hidden when the answer comes', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore(), new Map([['criticalPath', 30]])), store);
    await actions.loadFiles([{ name: 'a.json', data: twoTraces().json }], 'user');
    const traceId = store.getState().traceId;
    const on = actions.toggleCriticalPath();
    expect(store.getState().criticalPathPending).toBe(traceId); // the button shows it asked
    const off = actions.toggleCriticalPath();
    expect(store.getState().criticalPathPending).toBeNull();
    await Promise.all([on, off]);
    await new Promise((ok) => setTimeout(ok, 60));
    expect(store.getState().criticalPath).toBeNull();
    await actions.toggleCriticalPath();
    expect(store.getState().criticalPath?.traceId).toBe(traceId);
  });

  it('a failed answer leaves nothing pending: the button is not stuck pressed', async () => {
    const store = createStore();
    const worker = fakeWorker(new TraceStore());
    Object.assign(worker, { criticalPath: () => Promise.reject(new Error('worker gone')) });
    const actions = createActions(worker, store);
    await actions.loadFiles([{ name: 'a.json', data: twoTraces().json }], 'user');
    await expect(actions.toggleCriticalPath()).rejects.toThrow('worker gone');
    expect(store.getState().criticalPathPending).toBeNull();
    expect(store.getState().criticalPath).toBeNull();
  });

  it('each row finds exactly its own sections in the worker\'s sorted answer', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'fanout.json', data: fanOut() }], 'user');
    await actions.toggleCriticalPath();
    const cp = store.getState().criticalPath!;
    const numRows = store.getState().columns!.depth.length;
    const expected = new Map<number, Array<[number, number]>>();
    cp.rows.forEach((row, i) => void (expected.get(row) ?? expected.set(row, []).get(row)!).push([cp.startNs[i]!, cp.endNs[i]!]));
    expect(Math.max(...[...expected.values()].map((s) => s.length))).toBeGreaterThan(1); // some row owns several
    expect(expected.size).toBeLessThan(numRows); // and some row owns none
    for (let row = -1; row <= numRows; row++) expect(criticalSectionsOf(cp, row)).toEqual(expected.get(row) ?? []);
  });

  it('a folded fan is on the path when the path runs through a member or anything under one', async () => {
    const w = loopsWorld();
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'loops.json', data: w.otlpJson() }], 'user');
    await actions.toggleCriticalPath();
    const cp = store.getState().criticalPath!;
    const columns = store.getState().columns!;
    const onPath = (name: string) => {
      const fanIdx = columns.fans.findIndex((f) => f.name === name);
      return isFanOnPath(cp, columns, columns.fans[fanIdx]!, fanIdx);
    };
    expect([onPath('SELECT item'), onPath('cache get'), onPath('retry')]).toEqual([true, false, true]);
    // The same, worked out the slow way: some section lies in a member's subtree.
    columns.fans.forEach((fan, fanIdx) => {
      const members = [...columns.fanOf.keys()].filter((row) => columns.fanOf[row] === fanIdx);
      const expected = [...cp.rows].some((r) => members.some((m) => m <= r && r < columns.subtreeEnd[m]!));
      expect(isFanOnPath(cp, columns, fan, fanIdx), fan.name).toBe(expected);
    });
  });
});
