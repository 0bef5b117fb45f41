// Lint time over the same 100k SDK spans as the decode benchmark, next to their decode + assemble time, and
// the CLI's reports of those findings (text, JUnit) next to JSON.stringify of the same findings. With a value
// of its own per span, the byte decoders keep attribute lists as bytes that lint decodes (encoded-attributes.ts:
// OTLP/protobuf's, OTLP/JSON's compact runs): their lint is timed against lint of the same spans read by
// JSON.parse + walk, whose lists were decoded at load.
import { runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { buildReport } from '../src/core/report.ts';
import { writeJunit } from '../src/core/report-junit.ts';
import { writtenText } from '../src/core/text-pieces.ts';
import { renderCheckText } from '../src/cli/check-text.ts';
import { withWalkerOnly } from '../test/support/both-json-paths.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time, timeInTurns } from './measure.ts';

export async function benchLint(numSpans: number, runs = 3): Promise<string[]> {
  const { world, spans } = generateSpans(numSpans);
  const proto = world.otlpProto(spans);
  const decode = time(runs, () => loadDataset([{ name: 'x.pb', bytes: proto }]));
  const lint = time(runs, () => runLint(decode.result, ALL_RULES));
  const report = { ...buildReport(decode.result), findings: lint.result };
  const json = time(runs, () => JSON.stringify(report.findings));
  const text = time(runs, () => renderCheckText(report));
  const junit = time(runs, () => writtenText((write) => writeJunit(report.findings, ALL_RULES.map((r) => r.meta), write)));
  const vsJson = (ms: number): string => `${(ms / json.ms).toFixed(2)}×`;
  const unique = generateSpans(numSpans, 100, 99, 'unique');
  const jsonBytes = new TextEncoder().encode(unique.world.otlpJson(unique.spans));
  const fromWalk = withWalkerOnly(() => loadDataset([{ name: 'x.json', bytes: jsonBytes }]));
  const fromJson = loadDataset([{ name: 'x.json', bytes: jsonBytes }]);
  const fromPb = loadDataset([{ name: 'x.pb', bytes: unique.world.otlpProto(unique.spans) }]);
  // In turns, round by round, so a busy spell of the machine slows all alike.
  const [lintWalk, lintJson, lintPb] = await timeInTurns(runs, true, () => runLint(fromWalk, ALL_RULES).length, () => runLint(fromJson, ALL_RULES).length, () => runLint(fromPb, ALL_RULES).length);
  if (lintJson.result !== lintWalk.result || lintPb.result !== lintWalk.result) throw new Error('lint found other findings in the same spans read three ways');
  return [
    row('', 'time', 'ratio'),
    row('decode + assemble (OTLP/protobuf), baseline', fmt(decode.ms), '1.00×'),
    row(`lint, ${ALL_RULES.length} rules (${lint.result.length.toLocaleString('en-US')} findings)`, fmt(lint.ms), `${(lint.ms / decode.ms).toFixed(2)}×`),
    '',
    row('JSON.stringify of the findings, baseline', fmt(json.ms), '1.00×'),
    row('tracelens check text report', fmt(text.ms), vsJson(text.ms)),
    row('tracelens check JUnit report', fmt(junit.ms), vsJson(junit.ms)),
    '',
    `with a value of its own per span (${lintWalk.result.toLocaleString('en-US')} findings):`,
    row('lint, lists decoded at load (JSON.parse + walk), baseline', fmt(lintWalk.ms), '1.00×'),
    row('lint, from OTLP/JSON (lists kept as runs)', fmt(lintJson.ms), `${(lintJson.ms / lintWalk.ms).toFixed(2)}×`),
    row('lint, from OTLP/protobuf (lists kept as bytes)', fmt(lintPb.ms), `${(lintPb.ms / lintWalk.ms).toFixed(2)}×`),
  ];
}
