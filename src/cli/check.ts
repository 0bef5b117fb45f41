// `tracelens check FILE... [--json]`: loads every input, reports traces and findings.
// Exit codes: 0 every input loaded; 2 an input could not be read at all (the rest are still reported).
import { parseArgs } from 'node:util';
import { inputFailed } from '../core/decode/load.ts';
import { loadDataset, type NamedBytes } from '../core/load-dataset.ts';
import { buildReport, type CheckReport } from '../core/report.ts';
import { readInput, type CliIo } from './io.ts';

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, format: { type: 'string' } },
  });
  if (positionals.length === 0) {
    io.stderr('tracelens check: name at least one file (or - for standard input)\n');
    return 2;
  }
  const inputs: NamedBytes[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  for (const path of positionals) {
    const r = await readInput(path, io);
    if (r.ok) inputs.push(r.input);
    else unreadable.push(r);
  }
  const ds = loadDataset(inputs, values.format ? { format: values.format } : {});
  const report = buildReport(ds);
  for (const u of unreadable) report.inputs.push({ file: u.file, format: 'unknown', spans: 0, errors: [{ message: u.message, where: u.file, severity: 'error' }] });
  const failed = unreadable.length > 0 || ds.inputs.some(inputFailed);
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderText(report));
  for (const i of report.inputs) {
    if (i.spans === 0 && i.errors.some((e) => e.severity === 'error')) io.stderr(`tracelens: cannot read ${i.file}: ${i.errors[0]!.message} (${i.errors[0]!.where})\n`);
  }
  return failed ? 2 : 0;
}

function renderText(report: CheckReport): string {
  const out: string[] = [];
  for (const i of report.inputs) {
    out.push(`${i.file}: ${i.format}, ${i.spans} span${i.spans === 1 ? '' : 's'}`);
    for (const e of i.errors) out.push(`  ${e.severity}: ${e.message} (${e.where})`);
  }
  out.push('');
  out.push(`${report.traces.length} trace${report.traces.length === 1 ? '' : 's'}`);
  for (const t of report.traces) {
    const notes = [t.rootSpanIds.length > 1 ? `${t.rootSpanIds.length} roots` : '', t.orphanSpanIds.length ? `${t.orphanSpanIds.length} orphans` : '', t.errorCount ? `${t.errorCount} errors` : ''].filter(Boolean);
    out.push(`  ${t.traceId}  ${t.rootName} [${t.services.join(', ')}] ${t.spanCount} spans ${t.durationMs.toFixed(1)}ms${notes.length ? `  (${notes.join(', ')})` : ''}`);
  }
  out.push('');
  out.push(report.findings.length ? `${report.findings.length} findings` : 'no findings');
  for (const f of report.findings) out.push(`  ${f.severity} ${f.rule} ${f.traceId}/${f.spanId}: ${f.message}`);
  return `${out.join('\n')}\n`;
}
