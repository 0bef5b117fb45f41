// The worker's answers for one huge trace (1M rows unless BENCH_WATERFALL_SPANS): opening it (waterfall
// columns and fans), its visible rows all expanded, with fans folded, collapse-all, search by name and by
// attribute value, and the critical path, each next to the cheapest pass over the same rows (copying the
// row → span index) measured in the same run. These run in the worker; the page only receives the typed arrays.
import { TraceStore } from '../workers/trace-store.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';
import { INDEX_MIN_ROWS, isSearchPrepared } from '../src/core/query/search.ts';
import { noteFigure, sizeLabel } from './targets.ts';

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function benchWaterfall(numSpans = Number(process.env.BENCH_WATERFALL_SPANS ?? 1_000_000), runs = 5): Promise<string[]> {
  const store = new TraceStore();
  {
    const { world, spans } = generateSpans(numSpans, numSpans);
    await store.load([{ name: 'one-trace.pb', data: world.otlpProto(spans) }]);
  }
  const traceId = store.traces()[0]!.traceId;
  const trace = store.data.traces[0]!;
  const base = time(runs, () => trace.spanIdx.slice());
  const open = time(runs, () => store.waterfall(traceId)!);
  const all = time(runs, () => store.visibleRows(traceId, [], undefined, 'all'));
  const folded = time(runs, () => store.visibleRows(traceId, []));
  const collapsed = time(runs, () => store.visibleRows(traceId, 'all'));
  // Searching right after opening, as in the app: the worker starts building the trace's search index in a
  // task after the open answer (TraceStore.waterfall), and a search that comes while it builds is answered
  // by a direct pass over the rows. The searches after it wait for the build, as a user's later ones would.
  await macrotask();
  const firstSearch = time(1, () => store.search(traceId, 'step 13'));
  // Traces under INDEX_MIN_ROWS have no index: every search of them is direct, and there is nothing to wait for.
  if (trace.numRows >= INDEX_MIN_ROWS) while (!isSearchPrepared(store.data, trace)) await macrotask();
  const byName = time(runs, () => store.search(traceId, 'step 13'));
  const byValue = time(runs, () => store.search(traceId, 'postgresql'));
  // The critical path as the page gets it: the walk, each row's sections merged as drawn, and self times.
  const critical = time(runs, () => store.criticalPath(traceId)!);
  const ratio = (ms: number): string => `${(ms / base.ms).toFixed(1)}×`;
  const rows = `${sizeLabel(trace.numRows)} rows${trace.numRows >= 1_000_000 ? '' : ' (not 1M)'}`;
  noteFigure('collapse', rows, collapsed.ms);
  noteFigure('search', `${rows}, by name`, byName.ms);
  noteFigure('search', 'by attribute value', byValue.ms);
  noteFigure('search', 'first search after opening (direct pass)', firstSearch.ms);
  const n = (a: { length: number }): string => a.length.toLocaleString('en-US');
  return [
    row(`one trace of ${trace.numRows.toLocaleString('en-US')} rows`, 'time', 'ratio', 'rows'),
    row('copy of the row index (baseline)', fmt(base.ms), '1.0×', n(base.result)),
    row('open: waterfall columns + fans', fmt(open.ms), ratio(open.ms), `${open.result.fans.length} fans`),
    row('visible rows, everything expanded', fmt(all.ms), ratio(all.ms), n(all.result)),
    row('visible rows, fans folded (default)', fmt(folded.ms), ratio(folded.ms), n(folded.result)),
    row('collapse all', fmt(collapsed.ms), ratio(collapsed.ms), n(collapsed.result)),
    row('first search at once after open (direct, index building)', fmt(firstSearch.ms), ratio(firstSearch.ms), n(firstSearch.result)),
    row('search by name ("step 13")', fmt(byName.ms), ratio(byName.ms), n(byName.result)),
    row('search by attribute value ("postgresql")', fmt(byValue.ms), ratio(byValue.ms), n(byValue.result)),
    row('critical path, as drawn, + self times', fmt(critical.ms), ratio(critical.ms), `${n(critical.result.rows)} sections`),
  ];
}
