// The bench's protobuf floor and columnar sketch measure the same work as the model only if they read the
// same spans and lay out the same rows: checked here on the real SDK's spans, as the bench checks each run.
import { describe, expect, it } from 'vitest';
import { columnarRows, sameRows } from '../../../bench/columnar-sketch.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { RowColumns, skimRows } from '../../../bench/proto-floor.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { at, SdkWorld } from '../../support/sdk-world.ts';

function sdkProto(numSpans: number, spansPerTrace: number): Uint8Array {
  const { world, spans } = generateSpans(numSpans, spansPerTrace, 7, 'unique');
  return world.otlpProto(spans);
}

describe('the bench\'s columnar sketch', () => {
  it('reads every span and lays out the model\'s rows, trace by trace, with their depths', () => {
    for (const [numSpans, perTrace] of [[3000, 100], [2000, 2000], [500, 3]] as const) {
      const proto = sdkProto(numSpans, perTrace);
      const ds = loadDataset([{ name: 'x.pb', bytes: proto }]);
      expect(skimRows(proto, new RowColumns(numSpans))).toBe(ds.spans.length);
      const sketch = columnarRows(proto, numSpans);
      expect(sketch.numTraces).toBe(ds.traces.length);
      expect(new Set(sketch.names)).toEqual(new Set(ds.spans.map((s) => s.name)));
      expect(sameRows(sketch, ds)).toBe(true);
    }
  });

  it('interns names when every span has one of its own (more than any fixed table would hold)', () => {
    const world = new SdkWorld();
    for (let t = 0; t < 50; t++) {
      const root = world.start('svc', { name: `job ${t}`, startMs: t * 100 });
      for (let i = 0; i < 99; i++) world.span('svc', { name: `step ${t}.${i}`, startMs: t * 100 + i, endMs: t * 100 + i + 0.5 }, root);
      root.end(at(t * 100 + 99));
    }
    const proto = world.otlpProto();
    const ds = loadDataset([{ name: 'x.pb', bytes: proto }]);
    const sketch = columnarRows(proto, ds.spans.length);
    expect(sketch.names.length).toBe(5000);
    expect(sameRows(sketch, ds)).toBe(true);
  });

  it('tells rows laid out otherwise: a depth off by one, two rows swapped', () => {
    const proto = sdkProto(1000, 100);
    const ds = loadDataset([{ name: 'x.pb', bytes: proto }]);
    const deeper = columnarRows(proto, 1000);
    deeper.depth[deeper.order[7]!]! += 1;
    expect(sameRows(deeper, ds)).toBe(false);
    const swapped = columnarRows(proto, 1000);
    [swapped.order[3], swapped.order[4]] = [swapped.order[4]!, swapped.order[3]!];
    expect(sameRows(swapped, ds)).toBe(false);
  });
});
