// TraceStore.load over a download (`?url=`): the page hands the worker the response's body as a stream
// (read-chunks.ts StreamSource), with its length when the response says it. SDK-made JSON lines decode as
// the bytes arrive, to the model of the same bytes loaded whole; progress says how much of how much, or only
// how much when the length is not known; Cancel stops the download itself; a download that breaks keeps
// what was decoded before it.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { TraceStore, type LoadProgress } from '../../../workers/trace-store.ts';
import { modelText } from '../../support/model-text.ts';

function jsonLines(numSpans: number, idSeed: number, perLine = 250): Uint8Array {
  const { world, spans } = generateSpans(numSpans, 100, idSeed);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += perLine) lines.push(world.otlpJson(spans.slice(at, at + perLine)));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

const steppingClock = () => {
  let t = 0;
  return () => (t += 100);
};

/**
 * A download the test drives: `bytes` in pieces of `pieceBytes`, each given only when the reader asks for it
 * (as a network delivers), up to `failAt` bytes when set (then the stream errors, as a dropped connection).
 * `cancelled` tells whether the reader stopped the download.
 */
function download(bytes: Uint8Array, pieceBytes: number, failAt = Infinity) {
  let at = 0;
  const state = { cancelled: false, numPulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.numPulled++;
      if (at >= failAt) return controller.error(new TypeError('network error'));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at = Math.min(bytes.length, at + pieceBytes))));
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe('TraceStore.load of a download', () => {
  const bytes = jsonLines(3000, 43);

  it('decodes JSON lines as they arrive, to the model of the same bytes loaded whole, with the length it was told', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const { stream } = download(bytes, 5000);
    const events: LoadProgress[] = [];
    const outcome = await store.load([{ name: 'dump.jsonl', data: { stream, size: bytes.length } }], (p) => events.push(p));
    expect(outcome.inputs[0]).toMatchObject({ format: 'otlp-jsonl', spans: 3000, bytes: bytes.length, errors: [] });
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'dump.jsonl', bytes }])));
    const midway = events.filter((e) => e.phase === 'decoding' && e.numSpans > 0 && e.bytesDone < bytes.length);
    expect(midway.length).toBeGreaterThan(10);
    expect(midway.every((e) => e.bytesTotal === bytes.length && e.bytesTotalKnown === true)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done', bytesDone: bytes.length, bytesTotal: bytes.length });
  });

  it('without a length, reports what was read so far, and the whole size once read', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const { stream } = download(bytes, 5000);
    const events: LoadProgress[] = [];
    await store.load([{ name: 'dump.jsonl', data: { stream, size: -1 } }], (p) => events.push(p));
    const reading = events.filter((e) => e.phase === 'reading' || e.phase === 'decoding');
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.every((e) => e.bytesTotalKnown === false && e.bytesTotal === 0)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done', bytesDone: bytes.length, bytesTotal: bytes.length });
    expect(store.data.spans).toHaveLength(3000);
  });

  it('Cancel stops the download itself and keeps the spans decoded so far', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const { stream, state } = download(bytes, 5000);
    let cancelledAt = -1;
    const outcome = await store.load([{ name: 'dump.jsonl', data: { stream, size: -1 } }], (p) => {
      if (cancelledAt < 0 && p.phase === 'decoding' && p.numSpans > 300) {
        cancelledAt = p.bytesDone;
        store.cancelLoad();
      }
    });
    expect(state.cancelled).toBe(true);
    const [input] = outcome.inputs;
    expect(input!.bytes).toBeLessThanOrEqual(cancelledAt + 5000);
    expect(input!.spans).toBeGreaterThan(0);
    expect(input!.spans).toBeLessThan(3000);
    // No total is claimed for a download of unknown length.
    expect(input!.errors).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^loading cancelled after [\d.]+ MB; the \d+ spans decoded before it are kept$/) })]);
    // The stream was not read on to its end.
    expect(state.numPulled).toBeLessThan(Math.ceil(bytes.length / 5000));
  });

  it('Cancel also stops the downloads of a load\'s later URLs, which were not read', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const first = download(bytes, 5000);
    const later = download(bytes, 5000);
    const outcome = await store.load([{ name: 'a.jsonl', data: { stream: first.stream, size: -1 } }, { name: 'b.jsonl', data: { stream: later.stream, size: -1 } }], (p) => {
      if (p.phase === 'decoding' && p.numSpans > 300) store.cancelLoad();
    });
    expect(outcome.inputs[1]).toMatchObject({ spans: 0, errors: [expect.objectContaining({ message: 'not read: the load was cancelled before this file' })] });
    expect(first.state.cancelled).toBe(true);
    expect(later.state.cancelled).toBe(true);
    expect(later.state.numPulled).toBe(0);
  });

  it('Cancel stops a download that waits for bytes that do not come (a stalled connection)', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const head = bytes.subarray(0, bytes.lastIndexOf(0x0a, 400_000 - 1) + 1);
    let cancelled = false;
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return new Promise<void>(() => undefined); // the rest never arrives
        sent = true;
        controller.enqueue(head.slice());
      },
      cancel() {
        cancelled = true;
      },
    }, { highWaterMark: 0 });
    let numSpansSeen = 0;
    const loading = store.load([{ name: 'stalled.jsonl', data: { stream, size: bytes.length } }], (p) => (numSpansSeen = p.numSpans));
    await expect.poll(() => numSpansSeen).toBe(loadDataset([{ name: 'head.jsonl', bytes: head }]).spans.length);
    store.cancelLoad();
    const outcome = await loading;
    expect(cancelled).toBe(true);
    expect(outcome.inputs[0]).toMatchObject({ spans: numSpansSeen, bytes: head.length });
    expect(outcome.inputs[0]!.errors).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^loading cancelled after [\d.]+ MB of [\d.]+ MB; the \d+ spans decoded before it are kept$/) })]);
  });

  it('a download that breaks keeps the whole lines before the break and says why', async () => {
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const { stream } = download(bytes, 5000, 400_000);
    const outcome = await store.load([{ name: 'dump.jsonl', data: { stream, size: bytes.length } }]);
    const [input] = outcome.inputs;
    expect(input!.spans).toBeGreaterThan(0);
    expect(input!.spans).toBeLessThan(3000);
    expect(input!.errors).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('cannot read the file: TypeError: network error') })]);
    // Exactly the spans of the whole lines within the first 400,000 bytes.
    const whole = bytes.subarray(0, bytes.lastIndexOf(0x0a, 400_000 - 1) + 1);
    expect(input!.spans).toBe(loadDataset([{ name: 'head.jsonl', bytes: whole }]).spans.length);
  });

  it('a JSON document downloads whole, then decodes, to the same model', async () => {
    const { world, spans } = generateSpans(500, 100, 6);
    const doc = new TextEncoder().encode(world.otlpJson(spans));
    const store = new TraceStore({ chunkBytes: 4096, now: steppingClock() });
    const { stream } = download(doc, 3000);
    await store.load([{ name: 'trace.json', data: { stream, size: -1 } }]);
    expect(modelText(store.data)).toBe(modelText(loadDataset([{ name: 'trace.json', bytes: doc }])));
  });
});
