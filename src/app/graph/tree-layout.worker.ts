// The tree view's layout, off the page: d3-hierarchy's tree() over a fully expanded 1M-span trace takes
// seconds, which on the page froze it (and its spread once overflowed the stack). The page sends the rows
// and depths and gets columns back, transferred.
import * as Comlink from 'comlink';
import { layoutTraceTree, type TreeLayout } from './layout.ts';

const api = {
  layoutTraceTree(rows: Int32Array, depth: Int32Array): TreeLayout {
    const layout = layoutTraceTree(rows, depth);
    return Comlink.transfer(layout, [layout.rows.buffer, layout.x.buffer, layout.y.buffer, layout.parent.buffer]);
  },
};

export type TreeLayoutApi = typeof api;

Comlink.expose(api);
