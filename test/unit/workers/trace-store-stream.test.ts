// TraceStore.load over a Blob read in small chunks (Blob.stream()): SDK-made JSON lines and JSON documents
// decode while the chunks arrive and give the same model as the bytes loaded whole; progress carries bytes,
// spans and time; a cancel stops the load at the next chunk and leaves what was loaded before untouched.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { TraceStore, type LoadProgress } from '../../../workers/trace-store.ts';
import { modelText, spansText } from '../../support/model-text.ts';

/** SDK spans as JSON lines: one OTLP request of `perLine` spans per line, as the Collector's file exporter writes. */
function jsonLines(numSpans: number, idSeed: number, perLine = 250): string {
  const { world, spans } = generateSpans(numSpans, 100, idSeed);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += perLine) lines.push(world.otlpJson(spans.slice(at, at + perLine)));
  return `${lines.join('\n')}\n`;
}

/** A clock that moves 100 ms per reading, so no progress event is held back by the 50 ms throttle. */
const steppingClock = () => {
  let t = 0;
  return () => (t += 100);
};

describe('TraceStore.load streaming', () => {
  const text = jsonLines(3000, 41);
  const bytes = new TextEncoder().encode(text);

  it('a JSON-lines Blob in 4 KiB chunks gives the model of the same bytes loaded whole, reporting while it decodes', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const events: LoadProgress[] = [];
    const outcome = await store.load([{ name: 'big.jsonl', data: new Blob([bytes]) }], (p) => events.push(p));
    expect(outcome.numSpans).toBe(3000);
    expect(outcome.inputs[0]).toMatchObject({ format: 'otlp-jsonl', spans: 3000, bytes: bytes.length, errors: [] });
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'big.jsonl', bytes }])));
    // Spans arrive while the file is still being read: decoded chunk by chunk, not after the last one.
    const midway = events.filter((e) => e.phase === 'decoding' && e.numSpans > 0 && e.bytesDone < bytes.length);
    expect(midway.length).toBeGreaterThan(10);
    const read = events.map((e) => e.bytesDone);
    expect(read).toEqual(read.toSorted((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ phase: 'done', bytesDone: bytes.length, bytesTotal: bytes.length });
    const times = events.map((e) => e.elapsedMs);
    expect(times).toEqual(times.toSorted((a, b) => a - b));
    expect(times.at(-1)).toBeGreaterThan(0);
  });

  it('a JSON document Blob is decoded as its chunks are read, to the same model as before', async () => {
    const { world, spans } = generateSpans(500, 100, 5);
    const doc = world.otlpJson(spans);
    const store = new TraceStore({ chunkBytes: 1000, now: steppingClock() });
    const events: LoadProgress[] = [];
    await store.load([{ name: 'doc.json', data: new Blob([doc]) }], (p) => events.push(p));
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'doc.json', bytes: new TextEncoder().encode(doc) }])));
    // Spans come while the bytes do: decoding is reported chunk by chunk, with spans read before the end.
    const decoding = events.filter((e) => e.phase === 'decoding' && e.bytesDone < doc.length);
    expect(decoding.length).toBeGreaterThan(10);
    expect(decoding.some((e) => e.numSpans > 0 && e.numSpans < 500)).toBe(true);
    const counts = decoding.map((e) => e.numSpans);
    expect(counts).toEqual(counts.toSorted((a, b) => a - b));
  });

  it('a JSON document the fast path gives up on half-way is read again whole: the model is the whole load’s', async () => {
    const { world, spans } = generateSpans(500, 100, 6);
    const good = world.otlpJson(spans);
    // A snake_case key half-way: the walker reads it, the fast path gives up there.
    const at = good.indexOf('"droppedLinksCount"', good.length / 2);
    const doc = `${good.slice(0, at)}"dropped_links_count"${good.slice(at + '"droppedLinksCount"'.length)}`;
    const blob = new CountingBlob([doc]);
    const store = new TraceStore({ chunkBytes: 1000, now: steppingClock() });
    const events: LoadProgress[] = [];
    await store.load([{ name: 'doc.json', data: blob }], (p) => events.push(p));
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'doc.json', bytes: new TextEncoder().encode(doc) }])));
    expect(store.data.spans).toHaveLength(500);
    expect([blob.numStreams, blob.numWholeReads]).toEqual([1, 1]);
    // Reading stopped at the give-up: the stream's bytes and the whole read's add up to the file once.
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['reading', 'decoding', 'reading', 'decoding', 'assembling', 'done']);
    expect(events.at(-1)).toMatchObject({ bytesDone: doc.length, bytesTotal: doc.length });
  });
});

/** A Blob that counts how it is read. */
class CountingBlob extends Blob {
  numStreams = 0;
  numWholeReads = 0;
  override stream(): ReturnType<Blob['stream']> {
    this.numStreams++;
    return super.stream();
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.numWholeReads++;
    return super.arrayBuffer();
  }
}

describe('TraceStore.load of a small Blob', () => {
  const bytes = new TextEncoder().encode(jsonLines(3000, 43));

  it('reads one of a format read whole anyway (plain OTLP/protobuf) at once, to the same model', async () => {
    const { world, spans } = generateSpans(3000, 100, 44);
    const pb = new Uint8Array(world.otlpProto(spans));
    const blob = new CountingBlob([pb]);
    const store = new TraceStore({ chunkBytes: 4096 });
    await store.load([{ name: 'small.pb', data: blob }]);
    expect([blob.numWholeReads, blob.numStreams]).toEqual([1, 0]);
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'small.pb', bytes: pb }])));
    // Past the limit it streams.
    const big = new CountingBlob([pb]);
    const streamed = new TraceStore({ chunkBytes: 4096, wholeReadBytes: pb.length - 1 });
    await streamed.load([{ name: 'small.pb', data: big }]);
    expect([big.numWholeReads, big.numStreams]).toEqual([0, 1]);
    expect(modelText(streamed.data)).toBe(modelText(store.data));
  });

  it('streams one of a format decoded as it streams (JSON lines), to the same model', async () => {
    const blob = new CountingBlob([bytes]);
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const events: LoadProgress[] = [];
    await store.load([{ name: 'small.jsonl', data: blob }], (p) => events.push(p));
    expect([blob.numWholeReads, blob.numStreams]).toEqual([0, 1]);
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'small.jsonl', bytes }])));
    expect(events.filter((e) => e.phase === 'decoding' && e.numSpans > 0 && e.bytesDone < bytes.length).length).toBeGreaterThan(10);
  });

  it('reports a file that cannot be read and loads the others', async () => {
    class Unreadable extends Blob {
      override stream(): ReturnType<Blob['stream']> {
        return new ReadableStream({ type: 'bytes', pull: (c) => c.error(new Error('NotReadableError: the file changed on disk')) });
      }

      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new Error('NotReadableError: the file changed on disk'));
      }

      override slice(): Blob {
        return new Unreadable(['{}']);
      }
    }
    const store = new TraceStore();
    // With a first look asked for, its first bytes are read to size the load: that failure is not the load's.
    const outcome = await store.load([{ name: 'gone.json', data: new Unreadable(['{}']) }, { name: 'ok.jsonl', data: new Blob([bytes]) }], undefined, () => {});
    expect(outcome.inputs[0]).toMatchObject({ file: 'gone.json', spans: 0, errors: [expect.objectContaining({ severity: 'error', message: expect.stringContaining('cannot read the file: Error: NotReadableError') })] });
    expect(outcome.inputs[1]).toMatchObject({ file: 'ok.jsonl', spans: 3000, errors: [] });
  });
});

describe('TraceStore.cancelLoad', () => {
  const first = generateSpans(300, 100, 3);
  const firstJson = first.world.otlpJson(first.spans);
  const big = new Blob([jsonLines(3000, 42)]);
  const firstModel = (ds: Dataset) => spansText(ds.spans.filter((s) => s.inputIdx === 0));

  it('stops a streamed file at the next chunk, keeps its spans so far, skips later files; earlier data intact', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    await store.load([{ name: 'first.json', data: firstJson }]);
    const before = firstModel(store.data);
    let cancelledAt = -1;
    const outcome = await store.load([{ name: 'big.jsonl', data: big }, { name: 'later.json', data: firstJson }], (p) => {
      // Cancel at the first chunk that decoded spans.
      if (cancelledAt < 0 && p.phase === 'decoding' && p.numSpans > 300) {
        cancelledAt = p.bytesDone;
        store.cancelLoad();
      }
    });
    const [cut, later] = outcome.inputs;
    // The cancel came with that chunk's progress (or while it decoded): no chunk after it was read.
    expect(cut!.bytes).toBeGreaterThanOrEqual(cancelledAt);
    expect(cut!.bytes).toBeLessThanOrEqual(cancelledAt + 4096);
    expect(cut!.spans).toBeGreaterThan(0);
    expect(cut!.spans).toBeLessThan(3000);
    expect(cut!.errors).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^loading cancelled after .* MB; the \d+ spans decoded before it are kept$/) })]);
    expect(later).toMatchObject({ spans: 0, errors: [expect.objectContaining({ message: 'not read: the load was cancelled before this file' })] });
    expect(store.data.spans.length).toBe(300 + cut!.spans);
    expect(firstModel(store.data)).toBe(before);
    // The cancel was for that load only: the next one reads to the end.
    const again = await store.load([{ name: 'again.jsonl', data: big }]);
    expect(again.inputs[0]).toMatchObject({ spans: 3000, errors: [] });
  });

  it('a clear stops a load under way: nothing of it is kept, and the next load reads to the end', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    await store.load([{ name: 'first.json', data: firstJson }]);
    let clearedAt = -1;
    let lastBytes = 0;
    const outcome = await store.load([{ name: 'big.jsonl', data: big }], (p) => {
      if (p.phase === 'decoding') lastBytes = p.bytesDone;
      if (clearedAt < 0 && p.phase === 'decoding' && p.numSpans > 300) {
        clearedAt = p.bytesDone;
        store.clear();
      }
    });
    expect(clearedAt).toBeGreaterThan(0);
    expect(lastBytes).toBeLessThanOrEqual(clearedAt + 4096);
    expect(lastBytes).toBeLessThan(big.size);
    expect(outcome).toEqual({ inputs: [], numTraces: 0, numSpans: 0 });
    expect(store.data.spans).toHaveLength(0);
    expect(store.inputs()).toEqual([]);
    const again = await store.load([{ name: 'again.jsonl', data: big }]);
    expect(again.inputs[0]).toMatchObject({ spans: 3000, errors: [] });
  });

  it('a file read whole is dropped before decoding when cancelled after its first chunk', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    await store.load([{ name: 'first.json', data: firstJson }]);
    const before = firstModel(store.data);
    const { world, spans } = generateSpans(2000, 100, 9);
    let numChunks = 0;
    const outcome = await store.load([{ name: 'doc.json', data: new Blob([world.otlpJson(spans)]) }], (p) => {
      if (p.bytesDone > 0 && numChunks++ === 0) store.cancelLoad();
    });
    expect(outcome.inputs[0]).toMatchObject({ spans: 0, bytes: 4096 });
    expect(outcome.inputs[0]!.errors[0]!.message).toMatch(/^loading cancelled after 0\.0 MB of .* MB; nothing from this input was decoded$/);
    expect(store.data.spans.length).toBe(300);
    expect(firstModel(store.data)).toBe(before);
  });
});
