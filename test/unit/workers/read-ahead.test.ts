// A File read in the file reader worker, ahead of its decoding (read-ahead.ts, read-ahead-client.ts): here the
// two sides talk through comlink over a real MessageChannel (structured clone, buffers transferred), as the
// trace worker and blob-read.worker.ts do in the browser.
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { join } from '../../../src/core/decode/stream.ts';
import { blobReadApi } from '../../../workers/blob-read-api.ts';
import { ReadAhead } from '../../../workers/read-ahead.ts';
import { RemoteReadAhead } from '../../../workers/read-ahead-client.ts';
import { chunksOf } from '../../../workers/read-chunks.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { modelText } from '../../support/model-text.ts';

const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);
const never = new Promise<never>(() => {});

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** The reader worker's API behind a MessageChannel; `streamOf` may stand in for a Blob's stream. */
function remoteReader(streamOf?: (blob: Blob) => ReadableStream<Uint8Array>, died = never): RemoteReadAhead {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(blobReadApi(streamOf), channel.port2);
  return new RemoteReadAhead(Comlink.wrap(channel.port1), died);
}

/** A byte stream over `bytes` that counts what it was asked for, a few KB per read as a file's in Chromium. */
function countingStream(bytes: Uint8Array, pace = 1000): { stream: ReadableStream<Uint8Array>; numBytesRead: () => number; wasCancelled: () => boolean } {
  let at = 0;
  let cancelled = false;
  const stream = new ReadableStream({
    type: 'bytes',
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      controller.enqueue(bytes.slice(at, (at += pace)));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, numBytesRead: () => at, wasCancelled: () => cancelled };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ReadAhead', () => {
  it('reads chunks that double from the first size up to the buffers\' size, the data in order', async () => {
    const { stream } = countingStream(data);
    const ahead = new ReadAhead(stream.getReader({ mode: 'byob' }), { chunkBytes: 16_384, firstChunkBytes: 1000, numBuffers: 3 });
    const sizes: number[] = [];
    const copies: Uint8Array[] = [];
    let returned: ArrayBuffer | undefined;
    for (let chunk = await ahead.next(); chunk.kind === 'chunk'; chunk = await ahead.next(returned)) {
      sizes.push(chunk.length);
      copies.push(new Uint8Array(chunk.buffer, 0, chunk.length).slice());
      returned = chunk.buffer;
    }
    expect(sizes.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 16_384]);
    expect(sizes.slice(5, -1).every((n) => n === 16_384)).toBe(true);
    expect(join(copies)).toEqual(data);
  });

  it('reads ahead while the consumer holds a chunk, but no further than its buffers', async () => {
    const { stream, numBytesRead } = countingStream(data, 1024); // pieces that fill a buffer exactly
    const ahead = new ReadAhead(stream.getReader({ mode: 'byob' }), { chunkBytes: 16_384, firstChunkBytes: 16_384, numBuffers: 3 });
    const first = await ahead.next();
    await settle();
    // The consumer holds the first chunk and asks for nothing: the two other buffers are filled, no more.
    expect(numBytesRead()).toBe(3 * 16_384);
    await ahead.next(first.kind === 'chunk' ? first.buffer : undefined);
    await settle();
    expect(numBytesRead()).toBe(4 * 16_384);
  });

  it('stop cancels the stream and ends a next that waits', async () => {
    const { stream, wasCancelled } = countingStream(data);
    const ahead = new ReadAhead(stream.getReader({ mode: 'byob' }), { chunkBytes: 16_384, firstChunkBytes: 16_384, numBuffers: 1 });
    const first = await ahead.next();
    expect(first.kind).toBe('chunk');
    const waiting = ahead.next(); // the one buffer is the consumer's: nothing can be read
    ahead.stop();
    await expect(waiting).resolves.toEqual({ kind: 'end' });
    await settle();
    expect(wasCancelled()).toBe(true);
  });
});

describe('RemoteReadAhead through chunksOf', () => {
  it('gives the Blob\'s bytes in order; a chunk\'s buffer goes back (detached) when the next is asked for', async () => {
    let numReadThere = 0;
    const reader = remoteReader((blob) => (numReadThere++, blob.stream()));
    const copies: Uint8Array[] = [];
    let previous: Uint8Array | undefined;
    let numGivenBack = 0;
    for await (const chunk of chunksOf(new Blob([data]), undefined, 16_384, undefined, undefined, reader)) {
      expect(chunk.length).toBeLessThanOrEqual(16_384);
      if (previous && previous.byteLength === 0) numGivenBack++;
      copies.push(chunk.slice());
      previous = chunk;
    }
    expect(copies.length).toBeGreaterThan(10);
    expect(numGivenBack).toBe(copies.length - 1);
    expect(join(copies)).toEqual(data);
    expect(numReadThere).toBe(1); // read there: a read in place gives the same chunks
  });

  it('a read that fails there fails here with the reader\'s text', async () => {
    const failing = new ReadableStream({ type: 'bytes', pull: (c) => c.error(new Error('NotReadableError: the file changed on disk')) });
    const reader = remoteReader(() => failing);
    const reading = (async () => {
      for await (const chunk of chunksOf(new Blob([data]), undefined, 16_384, undefined, undefined, reader)) expect(chunk).toBeUndefined();
    })();
    const err = await reading.then(() => null, (e: unknown) => e);
    expect(String(err)).toBe('Error: NotReadableError: the file changed on disk');
  });

  it('a cancel ends the chunks at once, without an error, and stops the read there', async () => {
    let cancelled = false;
    const stalled = new ReadableStream({
      type: 'bytes',
      pull: () => new Promise<void>(() => {}),
      cancel: () => void (cancelled = true),
    });
    const reader = remoteReader(() => stalled);
    const cancel = new AbortController();
    const chunks: Uint8Array[] = [];
    const reading = (async () => {
      for await (const chunk of chunksOf(new Blob([data]), undefined, 16_384, undefined, cancel.signal, reader)) chunks.push(chunk);
    })();
    await settle();
    cancel.abort();
    await expect(reading).resolves.toBeUndefined();
    expect(chunks).toEqual([]);
    await settle();
    expect(cancelled).toBe(true);
  });

  it('reads in place when the reader worker is gone, and from then on', async () => {
    const died = Promise.reject(new Error('the file reader worker stopped'));
    died.catch(() => undefined);
    let numOpened = 0;
    const reader = remoteReader((blob) => (numOpened++, blob.stream()), died);
    for (let i = 0; i < 2; i++) {
      const copies: Uint8Array[] = [];
      for await (const chunk of chunksOf(new Blob([data]), undefined, 16_384, undefined, undefined, reader)) copies.push(chunk.slice());
      expect(join(copies)).toEqual(data);
      await settle();
    }
    // The first load asked before it knew (the call may have gone through); the second did not ask.
    expect(numOpened).toBeLessThanOrEqual(1);
  });
});

describe('TraceStore.load with a reader worker', () => {
  it('gives the model a read in place gives, for an OTLP/JSON document and JSON lines', async () => {
    const { world, spans } = generateSpans(2000, 100, 17);
    const doc = world.otlpJson(spans);
    const lines = `${world.otlpJson(spans.slice(0, 1000))}\n${world.otlpJson(spans.slice(1000))}\n`;
    for (const [name, text] of [['doc.json', doc], ['x.jsonl', lines]] as const) {
      const inPlace = new TraceStore({ chunkBytes: 3000 });
      await inPlace.load([{ name, data: new Blob([text]) }]);
      let numReadThere = 0;
      const ahead = new TraceStore({ chunkBytes: 3000, readAhead: remoteReader((blob) => (numReadThere++, blob.stream())) });
      const outcome = await ahead.load([{ name, data: new Blob([text]) }]);
      expect(outcome.inputs[0]).toMatchObject({ spans: 2000, errors: [] });
      expect(modelText(ahead.data)).toBe(modelText(inPlace.data));
      // Read by the reader, not in place (which would give the same model).
      expect(numReadThere).toBe(1);
    }
  });
});

