// Resident memory of the decoded model: growth of the JS heap plus ArrayBuffer memory (typed-array columns
// live outside the heap) after full GCs while a dataset of the real SDK's spans is held, per span, next to
// the input's own bytes per span as the baseline of the same run.
// Needs node --expose-gc (npm run bench passes it); without it the figures are not measured.
import { loadDataset } from '../src/core/load-dataset.ts';
import { generateSpans } from './gen.ts';
import { row } from './measure.ts';

const gc = (globalThis as { gc?: () => void }).gc;

function residentBytesPerSpan(name: string, bytes: Uint8Array): number {
  gc!();
  gc!();
  const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = used();
  const ds = loadDataset([{ name, bytes }]);
  gc!();
  gc!();
  const grown = used() - before;
  return grown / ds.spans.length;
}

export function benchMemory(numSpans: number): string[] {
  if (!gc) return ['(skipped: run with node --expose-gc)'];
  const { world, spans } = generateSpans(numSpans);
  const json = new TextEncoder().encode(world.otlpJson(spans));
  const proto = world.otlpProto(spans);
  const perSpan = (n: number): string => `${Math.round(n)} B`;
  const jsonResident = residentBytesPerSpan('x.json', json);
  const protoResident = residentBytesPerSpan('x.pb', proto);
  return [
    row('', 'per span', 'ratio'),
    row('OTLP/JSON input bytes, baseline', perSpan(json.length / spans.length), '1.00×'),
    row('resident model from OTLP/JSON', perSpan(jsonResident), `${(jsonResident / (json.length / spans.length)).toFixed(2)}×`),
    row('OTLP/protobuf input bytes, baseline', perSpan(proto.length / spans.length), '1.00×'),
    row('resident model from OTLP/protobuf', perSpan(protoResident), `${(protoResident / (proto.length / spans.length)).toFixed(2)}×`),
  ];
}
