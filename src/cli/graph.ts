// `tracelens graph FILE... [--json | --format mermaid|dot]`: the service graph and span links.
import { parseArgs } from 'node:util';
import { serviceGraph, toDot, toMermaid } from '../core/graph/service-graph.ts';
import { inputFailed } from '../core/decode/load.ts';
import { loadChunkedDataset, type ChunkedInput } from '../core/load-dataset.ts';
import { readInput, writeInputErrors, type CliIo } from './io.ts';

export async function runGraph(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, format: { type: 'string' } } });
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!['json', 'mermaid', 'dot', 'text'].includes(format) || positionals.length === 0) {
    io.stderr('usage: tracelens graph FILE... [--json | --format mermaid|dot]\n');
    return 2;
  }
  const inputs: ChunkedInput[] = [];
  for (const path of positionals) {
    const r = await readInput(path, io);
    if (!r.ok) {
      io.stderr(`tracelens graph: cannot read ${r.file}: ${r.message}\n`);
      return 2;
    }
    inputs.push(r.input);
  }
  const ds = await loadChunkedDataset(inputs);
  // A file that gave no spans would otherwise leave only an empty graph to show for it.
  writeInputErrors(ds.inputs, io);
  const g = serviceGraph(ds);
  if (format === 'json') io.stdout(`${JSON.stringify({ services: g.services, virtualNodes: g.virtualNodes, edges: g.edges, links: g.links }, null, 2)}\n`);
  else if (format === 'mermaid') io.stdout(toMermaid(g));
  else if (format === 'dot') io.stdout(toDot(g));
  else {
    io.stdout(`services: ${g.services.join(', ')}${g.virtualNodes.length ? `; virtual: ${g.virtualNodes.join(', ')}` : ''}\n`);
    for (const e of g.edges) io.stdout(`  ${e.from} -> ${e.to} (${e.kind}) ×${e.count} errors ${e.errors} p50 ${e.p50Ms.toFixed(1)} ms p95 ${e.p95Ms.toFixed(1)} ms\n`);
  }
  // As `check` does: a file that could not be read is an error, though the others' graph was written.
  return ds.inputs.some(inputFailed) ? 2 : 0;
}
