// `tracelens query FILE... 'QUERY' [--json]`: runs a TraceQL query over the loaded traces.
// --json prints `{ "traces": [{ "traceId", "spanIds", … }] }`; otherwise a table per matching trace.
// Exit codes: 2 the query (or the command line) is wrong, with the error's position; 1 an input could not
// be read (the others are still queried); 0 otherwise, matches or not.
import { parseArgs } from 'node:util';
import { inputFailed } from '../core/decode/load.ts';
import { loadChunkedDataset, type ChunkedInput } from '../core/load-dataset.ts';
import type { Dataset } from '../core/model/assemble.ts';
import { caretLine } from '../core/propagation/problems.ts';
import { evaluateTraceQL, type TraceQLMatch } from '../core/query/traceql/evaluate.ts';
import { parseTraceQL } from '../core/query/traceql/parser.ts';
import { readInput, type CliIo } from './io.ts';

const USAGE = "usage: tracelens query FILE... 'QUERY' [--json]   (- reads standard input)\n";

/** A span's duration for the table; under a millisecond in µs, as the app shows it ("0.01 ms" hid 5 µs). */
function formatDuration(ns: bigint): string {
  const ms = Number(ns) / 1e6;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 1 ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

function renderTable(ds: Dataset, matches: readonly TraceQLMatch[]): string {
  if (matches.length === 0) return 'no matching traces\n';
  const lines: string[] = [];
  for (const m of matches) {
    const trace = ds.traces[ds.traceIdx.get(m.traceId)!]!;
    lines.push(`trace ${m.traceId}  ${m.rows.length} of ${trace.numRows} spans`);
    const cells = m.rows.map((row) => {
      const spanIdx = trace.spanIdx[row]!;
      const s = ds.span(spanIdx);
      return [s.spanId, ds.services[ds.spanService[spanIdx]!]!, s.endNs > s.startNs ? formatDuration(s.endNs - s.startNs) : '-', s.name];
    });
    // Loops, not Math.max(...cells) or push(...cells): a trace of 200k matching spans overflowed the stack.
    const widths = [0, 1, 2].map((c) => cells.reduce((w, r) => Math.max(w, r[c]!.length), ['SPAN', 'SERVICE', 'DURATION'][c]!.length));
    const line = (r: readonly string[]): string => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padStart(widths[2]!)}  ${r[3]}`.trimEnd();
    lines.push(line(['SPAN', 'SERVICE', 'DURATION', 'NAME']));
    for (const cell of cells) lines.push(line(cell));
    lines.push('');
  }
  const numSpans = matches.reduce((n, m) => n + m.rows.length, 0);
  lines.push(`${matches.length} trace${matches.length === 1 ? '' : 's'}, ${numSpans} span${numSpans === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

export async function runQuery(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length < 2) {
    io.stderr(USAGE);
    return 2;
  }
  const source = positionals[positionals.length - 1]!;
  const parsed = parseTraceQL(source);
  if (!parsed.ok) {
    const { error } = parsed;
    io.stderr(`tracelens query: ${error.message}\n${source.includes('\n') ? '' : `${caretLine(source, error.offset)}\n`}`);
    return 2;
  }
  const inputs: ChunkedInput[] = [];
  let failed = false;
  for (const path of positionals.slice(0, -1)) {
    const r = await readInput(path, io);
    if (r.ok) inputs.push(r.input);
    else {
      io.stderr(`tracelens query: cannot read ${r.file}: ${r.message}\n`);
      failed = true;
    }
  }
  const ds = await loadChunkedDataset(inputs);
  for (const i of ds.inputs) {
    if (!inputFailed(i)) continue;
    io.stderr(`tracelens query: cannot read ${i.file}: ${i.errors[0]!.message} (${i.errors[0]!.where})\n`);
    failed = true;
  }
  const matches = evaluateTraceQL(ds, parsed.query);
  if (values.json) io.stdout(`${JSON.stringify({ traces: matches.map(({ rows: _rows, ...m }) => m) }, null, 2)}\n`);
  else io.stdout(renderTable(ds, matches));
  return failed ? 1 : 0;
}
