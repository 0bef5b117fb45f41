// `tracelens check FILE... [--json | --format junit] [--fail-on warning|error] [--disable RULE,…]
//   [--severity RULE=level] [--threshold rule.name=value] [--config tracelens.config.json]`
// Loads every input, reports traces and lint findings.
// Exit codes: 2 an input could not be read at all (the rest are still reported) or the options are wrong;
// 1 a finding reached --fail-on; 0 otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inputFailed } from '../core/decode/load.ts';
import { buildLintConfig, type LintOptions } from '../core/lint/config.ts';
import { runLint, severityAtLeast } from '../core/lint/engine.ts';
import { ALL_RULES, RULES_BY_ID } from '../core/lint/index.ts';
import type { Severity } from '../core/lint/types.ts';
import { writePrettyJson } from '../core/pretty-json.ts';
import { loadChunkedDataset, type ChunkedInput } from '../core/load-dataset.ts';
import { writeJunit } from '../core/report-junit.ts';
import { buildReport } from '../core/report.ts';
import { instrumentationScore } from '../core/score/instrumentation-score.ts';
import { renderCheckText } from './check-text.ts';
import { readInput, type CliIo } from './io.ts';

function keyValues(list: readonly string[], flag: string, errors: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) errors.push(`${flag} ${item}: expected NAME=VALUE`);
    else out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}

function readConfigFile(path: string | undefined, errors: string[]): LintOptions | null {
  const file = path ?? (existsSync('tracelens.config.json') ? 'tracelens.config.json' : undefined);
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LintOptions;
  } catch (err) {
    errors.push(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      'input-format': { type: 'string' },
      'fail-on': { type: 'string' },
      disable: { type: 'string', multiple: true, default: [] },
      severity: { type: 'string', multiple: true, default: [] },
      threshold: { type: 'string', multiple: true, default: [] },
      config: { type: 'string' },
    },
  });
  const errors: string[] = [];
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'warning' && failOn !== 'error') errors.push(`--fail-on ${failOn}: use warning or error`);
  const output = values.format ?? (values.json ? 'json' : 'text');
  if (!['json', 'junit', 'text'].includes(output)) errors.push(`--format ${output}: use json, junit or text (input formats go in --input-format)`);
  const fromFile = readConfigFile(values.config, errors);
  const fromFlags: LintOptions = {
    disable: values.disable.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean),
    severity: keyValues(values.severity, '--severity', errors),
    thresholds: keyValues(values.threshold, '--threshold', errors),
  };
  const { config, errors: configErrors } = buildLintConfig(fromFile ? [fromFile, fromFlags] : [fromFlags], new Set(RULES_BY_ID.keys()));
  errors.push(...configErrors);
  if (positionals.length === 0) errors.push('name at least one file (or - for standard input)');
  if (errors.length > 0) {
    for (const e of errors) io.stderr(`tracelens check: ${e}\n`);
    return 2;
  }

  const inputs: ChunkedInput[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  for (const path of positionals) {
    const r = await readInput(path, io);
    if (r.ok) inputs.push(r.input);
    else unreadable.push(r);
  }
  const ds = await loadChunkedDataset(inputs, values['input-format'] ? { format: values['input-format'] } : {});
  const report = buildReport(ds);
  report.findings = runLint(ds, ALL_RULES, config);
  report.instrumentationScore = instrumentationScore(ds, config.nowMs);
  for (const u of unreadable) report.inputs.push({ file: u.file, format: 'unknown', spans: 0, errors: [{ message: u.message, where: u.file, severity: 'error' }] });

  if (output === 'json') {
    // In pieces: the findings of 1M spans make more text than one string can hold.
    writePrettyJson(report, io.stdout);
    io.stdout('\n');
  }
  else if (output === 'junit') writeJunit(report.findings, ALL_RULES.filter((r) => !config.disabled.has(r.meta.id)).map((r) => r.meta), io.stdout);
  else io.stdout(renderCheckText(report));
  for (const i of report.inputs) {
    if (i.spans === 0 && i.errors.some((e) => e.severity === 'error')) io.stderr(`tracelens: cannot read ${i.file}: ${i.errors[0]!.message} (${i.errors[0]!.where})\n`);
  }
  if (unreadable.length > 0 || ds.inputs.some(inputFailed)) return 2;
  if (failOn && report.findings.some((f) => severityAtLeast(f.severity, failOn as Severity))) return 1;
  return 0;
}
