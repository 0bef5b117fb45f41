// Graph views on a 10k-span trace: service graph, critical path, the tree layout and a comparison, next to the assembly
// of the same spans measured in the same run.
import { hierarchy } from 'd3-hierarchy';
import { layoutTraceTree } from '../src/app/graph/layout.ts';
import { compareTraces } from '../src/core/compare/diff.ts';
import { criticalPath } from '../src/core/graph/critical-path.ts';
import { serviceGraph } from '../src/core/graph/service-graph.ts';
import { assemble } from '../src/core/model/assemble.ts';
import { DatasetBuilder } from '../src/core/model/dataset-builder.ts';
import { loadInput } from '../src/core/decode/load.ts';
import { deriveRows } from '../src/core/model/rows.ts';
import { waterfallColumns } from '../src/core/model/waterfall.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';

export function benchGraph(numSpans = 10_000, runs = 5): string[] {
  const { world, spans } = generateSpans(numSpans, numSpans);
  const builder = new DatasetBuilder();
  loadInput(builder, 'x.pb', world.otlpProto(spans));
  const base = time(runs, () => assemble(builder));
  const ds = base.result;
  const trace = ds.traces[0]!;
  const cols = waterfallColumns(ds, trace);
  const sg = time(runs, () => serviceGraph(ds));
  const cp = time(runs, () => criticalPath(trace, cols.startNs, cols.durNs));
  const tree = time(runs, () => layoutTraceTree(deriveRows(trace), cols.depth));
  // The trace against itself: every span is matched, the longest alignment there can be for this size.
  const cmp = time(runs, () => compareTraces(ds, { traceId: trace.traceId }, { traceId: trace.traceId }));
  // One chain of spans, each under the one before (recursion, a pipeline of hops): d3's hierarchy() alone
  // costs depth × nodes there, which the layout no longer pays (app/graph/linear-hierarchy.ts).
  const chain = Int32Array.from({ length: CHAIN_SPANS }, (_, r) => r);
  const chainTree = time(runs, () => layoutTraceTree(chain, chain));
  const chainData = chainOf(CHAIN_SPANS);
  const chainD3 = time(1, () => hierarchy(chainData).height);
  return [
    row(`one trace of ${trace.numRows.toLocaleString('en-US')} spans`, 'time', 'ratio'),
    row('assemble (baseline)', fmt(base.ms), '1.00×'),
    row('service graph', fmt(sg.ms), `${(sg.ms / base.ms).toFixed(2)}×`),
    row(`critical path (${cp.result.length} sections)`, fmt(cp.ms), `${(cp.ms / base.ms).toFixed(2)}×`),
    row('tree layout (d3-hierarchy, all rows visible)', fmt(tree.ms), `${(tree.ms / base.ms).toFixed(2)}×`),
    row(`compare with itself (${cmp.result.ok ? cmp.result.diff.nodes.length : 0} nodes)`, fmt(cmp.ms), `${(cmp.ms / base.ms).toFixed(2)}×`),
    row(`tree layout of one chain of ${CHAIN_SPANS.toLocaleString('en-US')} spans`, fmt(chainTree.ms), `${(chainTree.ms / base.ms).toFixed(2)}×`),
    row('  d3 hierarchy() alone, same chain (before; one run)', fmt(chainD3.ms), `${(chainD3.ms / base.ms).toFixed(2)}×`),
  ];
}

const CHAIN_SPANS = 30_000;

interface Link {
  readonly children: Link[];
}

function chainOf(n: number): Link {
  const root: Link = { children: [] };
  for (let i = 1, last = root; i < n; i++) last.children.push((last = { children: [] }));
  return root;
}
