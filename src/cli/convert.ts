// `tracelens convert FILE... --to otlp-json|chrome-trace [-o OUT]`: any format Tracelens reads, written as
// OTLP/JSON (for a collector or Tempo) or Chrome Trace Event JSON (for Perfetto and speedscope).
import { closeSync, openSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Dataset } from '../core/model/assemble.ts';
import { writeChromeTrace } from '../core/export/chrome-trace.ts';
import { writeOtlpJson } from '../core/export/otlp-json.ts';
import type { Write } from '../core/text-pieces.ts';
import { loadChunkedDataset, type ChunkedInput } from '../core/load-dataset.ts';
import { fdWriter } from './fd-writer.ts';
import { readInput, writeInputErrors, type CliIo } from './io.ts';

// Written in pieces: a million spans make more text than one string can hold.
const EXPORTERS: Record<string, (ds: Dataset, write: Write) => void> = {
  'otlp-json': writeOtlpJson,
  'chrome-trace': writeChromeTrace,
};

export async function runConvert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' }, output: { type: 'string', short: 'o' } } });
  const exporter = values.to ? EXPORTERS[values.to] : undefined;
  if (!exporter || positionals.length === 0) {
    io.stderr(`usage: tracelens convert FILE... --to ${Object.keys(EXPORTERS).join('|')} [-o OUT]\n`);
    return 2;
  }
  const inputs: ChunkedInput[] = [];
  for (const path of positionals) {
    const r = await readInput(path, io);
    if (!r.ok) {
      io.stderr(`tracelens convert: cannot read ${r.file}: ${r.message}\n`);
      return 2;
    }
    inputs.push(r.input);
  }
  const ds = await loadChunkedDataset(inputs);
  writeInputErrors(ds.inputs, io);
  if (ds.numSpans === 0) {
    io.stderr('tracelens convert: no spans to write\n');
    return 2;
  }
  if (!values.output) {
    exporter(ds, io.stdout);
    io.stdout('\n');
    return 0;
  }
  const fd = openSync(values.output, 'w');
  try {
    const write = fdWriter(fd);
    exporter(ds, write);
    write('\n');
  } finally {
    closeSync(fd);
  }
  return 0;
}
