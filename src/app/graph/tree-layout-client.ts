// The tree layout worker (tree-layout.worker.ts), started on the first tree view and kept for later ones.
import * as Comlink from 'comlink';
import type { TreeLayout } from './layout.ts';
import type { TreeLayoutApi } from './tree-layout.worker.ts';

interface LayoutWorker {
  readonly remote: Comlink.Remote<TreeLayoutApi>;
  /** Rejects when the worker dies (out of memory): comlink would leave the call waiting forever. */
  readonly died: Promise<never>;
}

let current: LayoutWorker | null = null;

function start(): LayoutWorker {
  const worker = new Worker(new URL('./tree-layout.worker.ts', import.meta.url), { type: 'module' });
  const died = new Promise<never>((_ok, fail) =>
    worker.addEventListener('error', (e) => {
      current = null; // the next layout starts a new one
      fail(new Error(e.message || 'the tree layout worker stopped'));
    }),
  );
  died.catch(() => undefined); // heard by the calls under way, if any
  return { remote: Comlink.wrap<TreeLayoutApi>(worker), died };
}

/** The layout of `rows` (a trace's visible rows, pre-order) given each row's `depth`, worked out off the page. */
export function layOutTreeOffPage(rows: Int32Array, depth: Int32Array): Promise<TreeLayout> {
  current ??= start();
  return Promise.race([current.remote.layoutTraceTree(rows, depth), current.died]);
}
