// The worker's warm-up: its made-up export is valid OTLP/JSON that takes the decoder's branches real exports
// take (every kind of value, events, links, errors, loners, values of a span's own) and grows the pools past
// their first sizes; WarmUp loads it through a throwaway TraceStore, stops when asked, and runs once.
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it, vi } from 'vitest';
import { SlotTable } from '../../../src/core/decode/slot-table.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { AnyValue } from '../../../src/core/model/records.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { WARM_UP_SPANS, WarmUp } from '../../../workers/warm-up.ts';
import { warmUpDocument, warmUpJson } from '../../../src/core/warm/warm-up-doc.ts';
import { warmUpProtoParts } from '../../../src/core/warm/warm-up-proto.ts';
import { dumpDataset } from '../../../src/core/model/dump.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';

/** Ids a new IdPool has room for before it grows (src/core/decode/id-pool.ts). */
const ID_POOL_FIRST_ROOM = 1024;

describe('warmUpDocument', () => {
  const text = warmUpJson(warmUpDocument(WARM_UP_SPANS));
  const ds = loadDataset([{ name: 'warm-up.otlp.json', bytes: new TextEncoder().encode(text) }]);

  it('is OTLP/JSON the decoder reads whole, with no issue', () => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(ds.inputs).toEqual([expect.objectContaining({ format: 'otlp-json', spans: WARM_UP_SPANS, errors: [] })]);
    expect(ds.spans).toHaveLength(WARM_UP_SPANS);
    expect(warmUpJson(warmUpDocument(WARM_UP_SPANS))).toBe(text);
  });

  it('takes the branches real exports take', () => {
    const types = new Set<AnyValue['type']>();
    for (const s of ds.spans) for (const kv of s.attributes) types.add(kv.value.type);
    expect([...types].sort()).toEqual(['array', 'bool', 'double', 'int', 'string']);
    // Ints written as JSON numbers (the JS SDK) and as strings (the collector).
    expect(text).toMatch(/"intValue":\d/);
    expect(text).toMatch(/"intValue":"\d/);
    expect(new Set(ds.spans.map((s) => s.kind))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(ds.spans.map((s) => s.status.code))).toEqual(new Set([0, 1, 2]));
    expect(ds.spans.some((s) => s.events.length > 0 && s.events[0]!.attributes.length > 0)).toBe(true);
    expect(ds.spans.some((s) => s.links.length > 0)).toBe(true);
    expect(ds.spans.some((s) => s.traceState !== '')).toBe(true);
    expect(ds.resources.length).toBeGreaterThanOrEqual(4);
    // Traces of one span and traces several levels deep, every span in a trace it belongs to.
    const sizes = ds.traces.map((t) => t.numRows);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(ds.traces.length / 2);
    expect(Math.max(...sizes)).toBe(50);
    expect(Math.max(...ds.traces.map((t) => Math.max(...t.depth)))).toBeGreaterThanOrEqual(3);
    expect(ds.traces.every((t) => t.rootRows.length === 1)).toBe(true);
  });

  it('grows the pools of ids and values past their first sizes, as a real load does', () => {
    // More trace ids than a new IdPool holds, and more distinct values than a new SlotTable's half.
    expect(ds.traces.length).toBeGreaterThan(ID_POOL_FIRST_ROOM);
    const requestIds = new Set(ds.spans.map((s) => s.attributes.find((kv) => kv.key === 'app.request.id')?.value));
    expect(requestIds.size).toBe(WARM_UP_SPANS);
    expect(WARM_UP_SPANS).toBeGreaterThan(new SlotTable().slots.length / 2);
  });
});

describe('warmUpProtoParts', () => {
  const doc = warmUpDocument(WARM_UP_SPANS);
  const text = warmUpJson(doc);
  const parts = [...warmUpProtoParts(doc)];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
  const fromJson = loadDataset([{ name: 'warm-up.otlp.json', bytes: new TextEncoder().encode(text) }]);
  const fromProto = loadDataset([{ name: 'warm-up.otlp.pb', bytes }]);

  it('is one part per resource, and the parts joined are OTLP/protobuf the walker reads whole, with no issue', () => {
    expect(parts).toHaveLength(fromJson.resources.length);
    expect(fromProto.inputs).toEqual([expect.objectContaining({ format: 'otlp-proto', spans: WARM_UP_SPANS, errors: [] })]);
  });

  it('holds the same spans as the JSON document, field for field', () => {
    expect(dumpDataset(fromProto)).toBe(dumpDataset(fromJson));
    const fields = (ds: Dataset): unknown[] =>
      ds.spans.map((s) => ({
        ids: [s.traceId, s.spanId, s.parentSpanId, s.traceState, s.flags],
        times: [s.startNs, s.endNs],
        attributes: s.attributes,
        events: s.events,
        links: s.links,
        status: s.status,
        resource: ds.resources[s.resourceIdx],
        scope: ds.scopes[s.scopeIdx],
      }));
    expect(fields(fromProto)).toEqual(fields(fromJson));
  });
});

describe('WarmUp', () => {
  it('keeps the maps of a load\'s objects once its first round is done (src/core/warm/keep-shapes.ts)', async () => {
    vi.resetModules(); // a fresh keep-shapes module: the seed runs once per module instance
    const { WarmUp: FreshWarmUp } = await import('../../../workers/warm-up.ts');
    const { keptShapes } = await import('../../../src/core/warm/keep-shapes.ts');
    expect(keptShapes().size).toBe(0);
    expect(await new FreshWarmUp().run({ numRounds: 1, numSpans: 200 })).toMatchObject({ state: 'done', numRounds: 1 });
    expect(keptShapes().get('DatasetBuilder') ?? keptShapes().get('_DatasetBuilder')).toBe(1);
  });

  it('loads the document as OTLP/JSON and as OTLP/protobuf round after round, and reports what it did', async () => {
    const loads = vi.spyOn(TraceStore.prototype, 'load');
    const report = await new WarmUp().run({ numRounds: 2, numSpans: 300 });
    const outcomes = await Promise.all(loads.mock.results.map((r) => r.value as ReturnType<TraceStore['load']>));
    loads.mockRestore();
    expect(report).toMatchObject({ state: 'done', numRounds: 2, numSpans: 1200 });
    expect(report.ms).toBeGreaterThan(0);
    expect(outcomes.map((o) => `${o.inputs[0]!.format} ${o.numSpans} ${o.inputs[0]!.errors.length}`)).toEqual(['otlp-json 300 0', 'otlp-proto 300 0', 'otlp-json 300 0', 'otlp-proto 300 0']);
  });

  it('stops before encoding the protobuf document when a load comes during the first JSON load', async () => {
    const warmUp = new WarmUp();
    const load = TraceStore.prototype.load;
    const loads = vi.spyOn(TraceStore.prototype, 'load').mockImplementation(async function (this: TraceStore, ...args: Parameters<TraceStore['load']>) {
      const outcome = await load.apply(this, args);
      warmUp.stop();
      return outcome;
    });
    // Each protobuf part starts with a new Writer: a stopped warm-up must not make one.
    const writers = vi.spyOn(protobuf.Writer, 'create');
    const report = await warmUp.run({ numRounds: 3, numSpans: 300 });
    const numLoads = loads.mock.calls.length;
    const numWriters = writers.mock.calls.length;
    loads.mockRestore();
    writers.mockRestore();
    expect(numLoads).toBe(1);
    expect(numWriters).toBe(0);
    expect(report).toMatchObject({ state: 'stopped', numRounds: 0, numSpans: 0 });
  });

  it('stops at its next chunk when a load comes, and a stop before it starts changes nothing', async () => {
    const early = new WarmUp();
    early.stop();
    expect(await early.run({ numRounds: 1, numSpans: 200 })).toMatchObject({ state: 'done', numRounds: 1, numSpans: 400 });

    // The round under way is cancelled, not left to finish: its load ends at its next chunk with part of the
    // document. (Only setting the flag would also end in 'stopped', once the round had read all of it.)
    const loads = vi.spyOn(TraceStore.prototype, 'load');
    const warmUp = new WarmUp();
    const running = warmUp.run({ numRounds: 50, numSpans: 20_000 });
    // Once the document is made (a step at a time) and its first load has begun.
    await vi.waitFor(() => expect(loads).toHaveBeenCalled(), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    warmUp.stop();
    const report = await running;
    const outcomes = await Promise.all(loads.mock.results.map((r) => r.value as ReturnType<TraceStore['load']>));
    loads.mockRestore();
    expect(outcomes.at(-1)!.numSpans).toBeLessThan(20_000);
    expect(report.state).toBe('stopped');
    expect(report.numRounds).toBeLessThan(50);
    // Runs once: asking again gives the same report, without another round.
    expect(await warmUp.run()).toBe(report);
  });

  it('stops while it makes its document, a step at a time, before any load', async () => {
    const loads = vi.spyOn(TraceStore.prototype, 'load');
    const warmUp = new WarmUp();
    const running = warmUp.run({ numRounds: 3, numSpans: 20_000 });
    // The document is made in steps with the worker free between them: a stop lands between two steps.
    await new Promise((resolve) => setTimeout(resolve, 0));
    warmUp.stop();
    const report = await running;
    const numLoads = loads.mock.calls.length;
    loads.mockRestore();
    expect(numLoads).toBe(0);
    expect(report).toMatchObject({ state: 'stopped', numRounds: 0, numSpans: 0 });
  });

  it('does not begin while a load is under way', async () => {
    let loading = true;
    const warmUp = new WarmUp(() => loading);
    expect(await warmUp.run({ numRounds: 2, numSpans: 200 })).toMatchObject({ state: 'stopped', numRounds: 0, numSpans: 0 });
    loading = false;
    expect(await new WarmUp(() => loading).run({ numRounds: 1, numSpans: 200 })).toMatchObject({ state: 'done', numRounds: 1 });
  });
});
