// Lint time over the same 100k SDK spans as the decode benchmark, next to their decode + assemble time, and
// the CLI's reports of those findings (text, JUnit) next to JSON.stringify of the same findings.
import { runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { buildReport } from '../src/core/report.ts';
import { writeJunit } from '../src/core/report-junit.ts';
import { writtenText } from '../src/core/text-pieces.ts';
import { renderCheckText } from '../src/cli/check-text.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';

export function benchLint(numSpans: number, runs = 3): string[] {
  const { world, spans } = generateSpans(numSpans);
  const proto = world.otlpProto(spans);
  const decode = time(runs, () => loadDataset([{ name: 'x.pb', bytes: proto }]));
  const lint = time(runs, () => runLint(decode.result, ALL_RULES));
  const report = { ...buildReport(decode.result), findings: lint.result };
  const json = time(runs, () => JSON.stringify(report.findings));
  const text = time(runs, () => renderCheckText(report));
  const junit = time(runs, () => writtenText((write) => writeJunit(report.findings, ALL_RULES.map((r) => r.meta), write)));
  const vsJson = (ms: number): string => `${(ms / json.ms).toFixed(2)}×`;
  return [
    row('', 'time', 'ratio'),
    row('decode + assemble (OTLP/protobuf), baseline', fmt(decode.ms), '1.00×'),
    row(`lint, ${ALL_RULES.length} rules (${lint.result.length.toLocaleString('en-US')} findings)`, fmt(lint.ms), `${(lint.ms / decode.ms).toFixed(2)}×`),
    '',
    row('JSON.stringify of the findings, baseline', fmt(json.ms), '1.00×'),
    row('tracelens check text report', fmt(text.ms), vsJson(text.ms)),
    row('tracelens check JUnit report', fmt(junit.ms), vsJson(junit.ms)),
  ];
}
