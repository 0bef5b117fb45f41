// Resident memory of the decoded model, and the peak heap of the load that made it: growth of the JS heap
// plus ArrayBuffer memory (typed-array columns live outside the heap) after full GCs while a dataset of the real SDK's spans is held, per span, next to
// the input's own bytes per span as the baseline of the same run. The worker also keeps the lint run's
// findings: their memory is measured the same way, once linting is done.
// Needs node --expose-gc (npm run bench passes it); without it the figures are not measured.
import { DEFAULT_CONFIG, runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { loadInput } from '../src/core/decode/load.ts';
import { assemble } from '../src/core/model/assemble.ts';
import { CountingBuilder } from '../workers/counting-builder.ts';
import { generateSpans, type Generated } from './gen.ts';
import { bytesText, row } from './measure.ts';
import { noteFigure, sizeLabel } from './targets.ts';

const gc = (globalThis as { gc?: () => void }).gc;

/** The JS heap plus ArrayBuffer memory right now, garbage included. */
const heapNow = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

/** heapNow after two full collections: live memory only. */
function used(): number {
  gc!();
  gc!();
  return heapNow();
}

/**
 * Per span: what the model keeps, and the most the heap held while the load ran, garbage included (sampled
 * every 4,096 spans and after assembly), both over what was held before it. The input bytes are not counted.
 */
function loadBytesPerSpan(name: string, bytes: Uint8Array): { resident: number; peak: number } {
  const before = used();
  let peak = before;
  const sample = (): void => void (peak = Math.max(peak, heapNow()));
  const builder = new CountingBuilder(4096);
  builder.onSpans = sample;
  loadInput(builder, name, bytes);
  sample();
  builder.releasePool();
  const ds = assemble(builder);
  sample();
  return { resident: (used() - before) / ds.numSpans, peak: (peak - before) / ds.numSpans };
}

/** What the findings of a lint run over the model hold, per span, and how many there are. */
function findingsBytesPerSpan(name: string, bytes: Uint8Array): { perSpan: number; numFindings: number } {
  const ds = loadDataset([{ name, bytes }]);
  const before = used();
  const findings = runLint(ds, ALL_RULES, DEFAULT_CONFIG);
  const grown = used() - before;
  return { perSpan: grown / ds.numSpans, numFindings: findings.length };
}

/** The input bytes, the peak heap of its load and the resident model per span of one encoding, as table rows. */
function modelRows(format: string, name: string, bytes: Uint8Array, numSpans: number): { rows: string[]; resident: number } {
  const input = bytes.length / numSpans;
  const { resident, peak } = loadBytesPerSpan(name, bytes);
  const ratio = (n: number): string => `${(n / input).toFixed(2)}×`;
  return {
    rows: [row(`${format} input bytes, baseline`, bytesText(input), '1.00×'), row(`  peak heap while loading it`, bytesText(peak), ratio(peak)), row(`resident model from ${format}`, bytesText(resident), ratio(resident))],
    resident,
  };
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
  const size = sizeLabel(numSpans);
  noteFigure('resident', `${size} from JSON`, model.json.resident);
  noteFigure('resident', `${size} from protobuf`, model.proto.resident);
  noteFigure('resident', `${size} unique values from JSON`, unique.json.resident);
  noteFigure('resident', `${size} unique values from protobuf`, unique.proto.resident);
  return [
    row('', 'per span', 'ratio'),
    ...model.json.rows,
    ...model.proto.rows,
    // Ratio to the model from OTLP/protobuf above: what linting adds to it.
    row(`+ ${lint.numFindings.toLocaleString('en-US')} findings after lint, vs that model`, bytesText(lint.perSpan), `${(lint.perSpan / model.proto.resident).toFixed(2)}×`),
    '',
    'with a value of its own per span (a URL with an id, SQL text with a literal, an item id):',
    ...unique.json.rows,
    ...unique.proto.rows,
  ];
}
