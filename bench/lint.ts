// Lint time over the same 100k SDK spans as the decode benchmark, next to their decode + assemble time.
import { runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';

export function benchLint(numSpans: number, runs = 3): string[] {
  const { world, spans } = generateSpans(numSpans);
  const proto = world.otlpProto(spans);
  const decode = time(runs, () => loadDataset([{ name: 'x.pb', bytes: proto }]));
  const lint = time(runs, () => runLint(decode.result, ALL_RULES));
  return [
    row('', 'time', 'ratio'),
    row('decode + assemble (OTLP/protobuf), baseline', fmt(decode.ms), '1.00×'),
    row(`lint, ${ALL_RULES.length} rules (${lint.result.length.toLocaleString('en-US')} findings)`, fmt(lint.ms), `${(lint.ms / decode.ms).toFixed(2)}×`),
  ];
}
