// keep-shapes.ts keeps the objects a seed load makes, so their classes' maps outlive every load. Checked three
// ways: what the seed keeps; that a load after it reads exactly as before; and, in child node processes under
// V8's --trace-deopt, that without the seed a collection between loads throws optimized code away for want
// of a dead map ("weak objects") in the assembly and the walkers, and with it does not.
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { keepShapes, keptShapes, shapeOf } from '../../../src/core/warm/keep-shapes.ts';
import { seedShapes } from '../../../src/core/warm/seed-shapes.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { dumpDataset } from '../../../src/core/model/dump.ts';
import { generateSpans } from '../../../bench/gen.ts';

const repoRoot = new URL('../../../', import.meta.url).pathname;

describe('keepShapes', () => {
  // First in this file: the seed runs once per process (this file's module state).
  it('leaves a later load as it was', () => {
    const { world, spans } = generateSpans(600, 50, 11, 'unique');
    const inputs = [{ name: 'x.json', bytes: new TextEncoder().encode(world.otlpJson(spans)) }, { name: 'x.pb', bytes: world.otlpProto(spans) }];
    const before = inputs.map((input) => dumpDataset(loadDataset([input])));
    seedShapes();
    expect(inputs.map((input) => dumpDataset(loadDataset([input])))).toEqual(before);
    expect(inputs.map((input) => loadDataset([input]).numSpans)).toEqual([spans.length, spans.length]);
  });
  it('keeps what shapeOf is handed during its seed, once per process, and nothing outside it', () => {
    shapeOf(new (class Outside {})());
    expect(keptShapes().has('Outside')).toBe(false);
    seedShapes();
    const kept = keptShapes();
    // The classes of every path a load takes: builder, table, assembly, both OTLP/JSON scanners, JSON lines,
    // the protobuf walker (and protobufjs's Reader), framed protobuf, chunked loads.
    for (const name of ['DatasetBuilder', 'SpanTable', 'SpanColumns', 'InternPool', 'Scratch', 'RowColumns', 'IdKeys', 'IdTable', 'TableReads',
      'TracesScanner', 'DocumentScan', 'RequestScan', 'BytePool', 'SlotTable', 'LineSplitter', 'FrameSplitter', 'ProtoPools', 'Reader']) {
      expect(kept.get(name) ?? kept.get(`_${name}`), name).toBeGreaterThan(0);
    }
    let ran = false;
    keepShapes(() => (ran = true));
    expect(ran).toBe(false);
    shapeOf(new (class Later {})());
    expect(keptShapes().has('Later')).toBe(false);
  });

});

describe('keepShapes with a seed that throws', () => {
  it('keeps what the seed made before the throw, does not throw itself, and runs no seed again', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/warm/keep-shapes.ts');
    class Before {}
    class After {}
    expect(() =>
      fresh.keepShapes(() => {
        fresh.shapeOf(new Before());
        throw new Error('a decoder bug');
      }),
    ).not.toThrow();
    fresh.shapeOf(new After());
    expect([...fresh.keptShapes().keys()]).toEqual(['Before']);
    let ran = false;
    fresh.keepShapes(() => (ran = true));
    expect(ran).toBe(false);
  });
});

/** Functions whose optimized code the log shows thrown away for a dead map, counted by name. */
function weakObjectDeopts(mode: 'plain' | 'seeded'): Map<string, number> {
  const log = execFileSync('node', ['--expose-gc', '--trace-deopt', '--import', 'tsx', 'test/support/deopt-loads.ts', mode], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  expect(log).toContain('loads done');
  const counts = new Map<string, number>();
  for (const m of log.matchAll(/SharedFunctionInfo (\w+)>\) \(opt id \d+\) for deoptimization, reason: weak objects/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

describe('maps kept between loads (node --trace-deopt)', () => {
  // Assembly's passes and the protobuf walker's span reader: each ran hot in every load of the child.
  const watched = ['writeRows', 'preOrder', 'walk', 'groupByTrace', 'span', 'pooledHex'];

  it('without the seed, optimized code is thrown away for dead maps between loads; with it, not', () => {
    const plain = weakObjectDeopts('plain');
    const seeded = weakObjectDeopts('seeded');
    const total = (counts: Map<string, number>) => watched.reduce((n, name) => n + (counts.get(name) ?? 0), 0);
    expect(total(plain)).toBeGreaterThan(0);
    expect(Object.fromEntries(watched.map((name) => [name, seeded.get(name) ?? 0]))).toEqual(Object.fromEntries(watched.map((name) => [name, 0])));
  }, 120_000);
});
