// Resident memory of the decoded model: growth of the JS heap plus ArrayBuffer memory (typed-array columns
// live outside the heap) after full GCs while a dataset of the real SDK's spans is held, per span, next to
// the input's own bytes per span as the baseline of the same run. The worker also keeps the lint run's
// findings: their memory is measured the same way, once linting is done.
// Needs node --expose-gc (npm run bench passes it); without it the figures are not measured.
import { DEFAULT_CONFIG, runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { generateSpans, type Generated } from './gen.ts';
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

const perSpan = (n: number): string => `${Math.round(n)} B`;

/** The input bytes and the resident model per span of one encoding, as two table rows. */
function modelRows(format: string, name: string, bytes: Uint8Array, numSpans: number): { rows: string[]; resident: number } {
  const input = bytes.length / numSpans;
  const resident = residentBytesPerSpan(name, bytes);
  return { rows: [row(`${format} input bytes, baseline`, perSpan(input), '1.00×'), row(`resident model from ${format}`, perSpan(resident), `${(resident / input).toFixed(2)}×`)], resident };
}

/** modelRows for both encodings of `spans`. */
function shapeRows(gen: Generated): { json: ReturnType<typeof modelRows>; proto: ReturnType<typeof modelRows> } {
  const n = gen.spans.length;
  return {
    json: modelRows('OTLP/JSON', 'x.json', new TextEncoder().encode(gen.world.otlpJson(gen.spans)), n),
    proto: modelRows('OTLP/protobuf', 'x.pb', gen.world.otlpProto(gen.spans), n),
  };
}

export function benchMemory(numSpans: number): string[] {
  if (!gc) return ['(skipped: run with node --expose-gc)'];
  const unique = shapeRows(generateSpans(numSpans, 100, 99, 'unique'));
  const repeating = generateSpans(numSpans);
  const model = shapeRows(repeating);
  const lint = findingsBytesPerSpan('x.pb', repeating.world.otlpProto(repeating.spans));
  return [
    row('', 'per span', 'ratio'),
    ...model.json.rows,
    ...model.proto.rows,
    // Ratio to the model from OTLP/protobuf above: what linting adds to it.
    row(`+ ${lint.numFindings.toLocaleString('en-US')} findings after lint, vs that model`, perSpan(lint.perSpan), `${(lint.perSpan / model.proto.resident).toFixed(2)}×`),
    '',
    'with a value of its own per span (a URL with an id, SQL text with a literal, an item id):',
    ...unique.json.rows,
    ...unique.proto.rows,
  ];
}
