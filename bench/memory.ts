// Resident memory of the decoded model: growth of the JS heap plus ArrayBuffer memory (typed-array columns
// live outside the heap) after full GCs while a dataset of the real SDK's spans is held, per span, next to
// the input's own bytes per span as the baseline of the same run. The worker also keeps the lint run's
// findings: their memory is measured the same way, once linting is done.
// Needs node --expose-gc (npm run bench passes it); without it the figures are not measured.
import { DEFAULT_CONFIG, runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { generateSpans } from './gen.ts';
import { row } from './measure.ts';

const gc = (globalThis as { gc?: () => void }).gc;

function used(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function residentBytesPerSpan(name: string, bytes: Uint8Array): number {
  const before = used();
  const ds = loadDataset([{ name, bytes }]);
  return (used() - before) / ds.spans.length;
}

/** What the findings of a lint run over the model hold, per span, and how many there are. */
function findingsBytesPerSpan(name: string, bytes: Uint8Array): { perSpan: number; numFindings: number } {
  const ds = loadDataset([{ name, bytes }]);
  const before = used();
  const findings = runLint(ds, ALL_RULES, DEFAULT_CONFIG);
  const grown = used() - before;
  return { perSpan: grown / ds.spans.length, numFindings: findings.length };
}

export function benchMemory(numSpans: number): string[] {
  if (!gc) return ['(skipped: run with node --expose-gc)'];
  const unique = generateSpans(numSpans, 100, 99, 'unique');
  const uniqueJson = new TextEncoder().encode(unique.world.otlpJson(unique.spans));
  const uniqueProto = unique.world.otlpProto(unique.spans);
  const uniqueResident = { json: residentBytesPerSpan('x.json', uniqueJson), proto: residentBytesPerSpan('x.pb', uniqueProto) };
  const numUnique = unique.spans.length;
  const { world, spans } = generateSpans(numSpans);
  const json = new TextEncoder().encode(world.otlpJson(spans));
  const proto = world.otlpProto(spans);
  const perSpan = (n: number): string => `${Math.round(n)} B`;
  const jsonResident = residentBytesPerSpan('x.json', json);
  const protoResident = residentBytesPerSpan('x.pb', proto);
  const lint = findingsBytesPerSpan('x.pb', proto);
  return [
    row('', 'per span', 'ratio'),
    row('OTLP/JSON input bytes, baseline', perSpan(json.length / spans.length), '1.00×'),
    row('resident model from OTLP/JSON', perSpan(jsonResident), `${(jsonResident / (json.length / spans.length)).toFixed(2)}×`),
    row('OTLP/protobuf input bytes, baseline', perSpan(proto.length / spans.length), '1.00×'),
    row('resident model from OTLP/protobuf', perSpan(protoResident), `${(protoResident / (proto.length / spans.length)).toFixed(2)}×`),
    // Ratio to the model from OTLP/protobuf above: what linting adds to it.
    row(`+ ${lint.numFindings.toLocaleString('en-US')} findings after lint, vs that model`, perSpan(lint.perSpan), `${(lint.perSpan / protoResident).toFixed(2)}×`),
    '',
    'with a value of its own per span (a URL with an id, SQL text with a literal, an item id):',
    row('OTLP/JSON input bytes, baseline', perSpan(uniqueJson.length / numUnique), '1.00×'),
    row('resident model from OTLP/JSON', perSpan(uniqueResident.json), `${(uniqueResident.json / (uniqueJson.length / numUnique)).toFixed(2)}×`),
    row('OTLP/protobuf input bytes, baseline', perSpan(uniqueProto.length / numUnique), '1.00×'),
    row('resident model from OTLP/protobuf', perSpan(uniqueResident.proto), `${(uniqueResident.proto / (uniqueProto.length / numUnique)).toFixed(2)}×`),
  ];
}
