// TraceQL over 1M SDK spans (10k traces of 100), each query next to a plain loop over the same spans doing
// the first query's test by hand, measured in the same run: the ratio is the price of the query engine.
// 1M spans, with the SDK's own span objects generated alongside, need more than node's default 4 GB heap:
// `npm run bench` raises it (package.json).
import { loadInput } from '../src/core/decode/load.ts';
import { assemble, type Dataset } from '../src/core/model/assemble.ts';
import { DatasetBuilder } from '../src/core/model/dataset-builder.ts';
import { evaluateTraceQL } from '../src/core/query/traceql/evaluate.ts';
import { parseTraceQL } from '../src/core/query/traceql/parser.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';

const QUERIES = [
  '{ resource.service.name = "orders" && status = error }',
  '{ name = "GET /orders/{id}" } >> { span.db.system.name = "postgresql" && duration > 800us }',
  '{ kind = client } ~ { status = error }',
  '{ name =~ "step 1.*" } | count() > 10 | avg(duration) > 400us',
];

/** The first query written by hand: one pass over every span, using the dataset's service index. */
function plainLoop(ds: Dataset): number {
  let n = 0;
  for (let i = 0; i < ds.numSpans; i++) if (ds.span(i).status.code === 2 && ds.services[ds.spanService[i]!] === 'orders') n++;
  return n;
}

export function benchTraceQL(numSpans = Number(process.env.BENCH_TRACEQL_SPANS ?? 1_000_000), runs = 5): string[] {
  const builder = new DatasetBuilder();
  // Generated and decoded in slices of 100k so the SDK's span objects and the bytes never all live at once.
  for (let done = 0; done < numSpans; done += 100_000) {
    const { world, spans } = generateSpans(Math.min(100_000, numSpans - done), 100, 99 + done);
    loadInput(builder, `slice-${done}.pb`, world.otlpProto(spans));
  }
  const ds = assemble(builder);
  const base = time(runs, () => plainLoop(ds));
  const lines = [
    row(`${ds.numSpans.toLocaleString('en-US')} spans, ${ds.traces.length.toLocaleString('en-US')} traces`, 'time', 'ratio', 'matches'),
    row('plain loop, orders errors (baseline)', fmt(base.ms), '1.00×', base.result.toLocaleString('en-US')),
  ];
  for (const q of QUERIES) {
    const parsed = parseTraceQL(q);
    if (!parsed.ok) throw new Error(`${q}: ${parsed.error.message}`);
    const r = time(runs, () => evaluateTraceQL(ds, parsed.query));
    const numMatches = r.result.reduce((n, m) => n + m.rows.length, 0);
    lines.push(row(q.length > 43 ? `${q.slice(0, 40)}...` : q, fmt(r.ms), `${(r.ms / base.ms).toFixed(2)}×`, numMatches.toLocaleString('en-US')));
  }
  return lines;
}
