// Run by test/unit/warm/keep-shapes.test.ts in a child node process under --trace-deopt: loads the same real-SDK
// spans (bench/gen.ts) several times as OTLP/JSON and as OTLP/protobuf, with a full collection between
// loads, seeded first (keep-shapes.ts) when argv[2] is 'seeded'. The parent reads V8's deopt log.
import { generateSpans } from '../../bench/gen.ts';
import { loadDataset } from '../../src/core/load-dataset.ts';
import { seedShapes } from '../../src/core/warm/seed-shapes.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const { world, spans } = generateSpans(Number(process.argv[3] ?? 20_000), 100, 99, 'unique');
const json = new TextEncoder().encode(world.otlpJson(spans));
const proto = world.otlpProto(spans);
if (process.argv[2] === 'seeded') seedShapes();
for (let round = 0; round < 4; round++) {
  for (const input of [{ name: 'x.json', bytes: json }, { name: 'x.pb', bytes: proto }]) {
    gc();
    if (loadDataset([input]).numSpans !== spans.length) throw new Error('span count differs');
  }
}
console.log('loads done');
