// Decode + assemble of 100k real-SDK spans as OTLP/JSON and OTLP/protobuf, next to JSON.parse of the same
// bytes and a plain protobufjs reflection decode of the same bytes, measured in the same run.
import { loadDataset } from '../src/core/load-dataset.ts';
import { tracesDataType } from '../test/support/otlp-proto-schema.ts';
import { generateSpans } from './gen.ts';
import { fmt, row, time } from './measure.ts';

export function benchDecode(numSpans: number, runs = 5): string[] {
  const out: string[] = [];
  const t0 = performance.now();
  const { world, spans } = generateSpans(numSpans);
  const json = new TextEncoder().encode(world.otlpJson(spans));
  const proto = world.otlpProto(spans);
  out.push(`generated ${spans.length} spans with the real SDK in ${fmt(performance.now() - t0)}: OTLP/JSON ${(json.length / 2 ** 20).toFixed(1)} MiB, OTLP/protobuf ${(proto.length / 2 ** 20).toFixed(1)} MiB`);

  const text = new TextDecoder().decode(json);
  const parse = time(runs, () => JSON.parse(new TextDecoder().decode(json)) as unknown);
  const ours = time(runs, () => loadDataset([{ name: 'x.json', bytes: json }]));
  const type = tracesDataType();
  const reflect = time(runs, () => type.decode(proto));
  const oursPb = time(runs, () => loadDataset([{ name: 'x.pb', bytes: proto }]));
  if (ours.result.spans.length !== spans.length || oursPb.result.spans.length !== spans.length) throw new Error('decoded span count differs');
  void text;

  out.push(row('', 'time', 'spans/s', 'ratio'));
  out.push(row('JSON.parse (TextDecoder + parse), baseline', fmt(parse.ms), rate(spans.length, parse.ms), '1.00×'));
  out.push(row('Tracelens OTLP/JSON decode + assemble', fmt(ours.ms), rate(spans.length, ours.ms), `${(ours.ms / parse.ms).toFixed(2)}×`));
  out.push(row('protobufjs reflection decode, baseline', fmt(reflect.ms), rate(spans.length, reflect.ms), '1.00×'));
  out.push(row('Tracelens OTLP/protobuf decode + assemble', fmt(oursPb.ms), rate(spans.length, oursPb.ms), `${(oursPb.ms / reflect.ms).toFixed(2)}×`));
  return out;
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}`;
}
