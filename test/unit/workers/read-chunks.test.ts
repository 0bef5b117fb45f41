// chunksOf reads a byte stream (a Blob's, as the worker reads a big file) into one buffer that each read fills
// again, and any other stream chunk by chunk as it comes. Either way the chunks, in order, are the data.
import { describe, expect, it } from 'vitest';
import { join } from '../../../src/core/decode/stream.ts';
import { chunksOf } from '../../../workers/read-chunks.ts';

const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);

/** What a byte stream of a file on disk does in Chromium: a few KB per read, whatever the buffer's size. */
const TRICKLE = 1000;

function trickle(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        controller.byobRequest?.respond(0); // a read waiting on the stream learns it is done
        return;
      }
      controller.enqueue(bytes.slice(at, (at += TRICKLE)));
    },
  });
}

class TricklingBlob extends Blob {
  override stream(): ReturnType<Blob['stream']> {
    return trickle(data) as ReturnType<Blob['stream']>;
  }
}

describe('chunksOf over a stream', () => {
  it('reads a Blob into one reused buffer: a chunk is given up (detached) when the next is read', async () => {
    const copies: Uint8Array[] = [];
    let previous: Uint8Array | undefined;
    let numGivenUp = 0;
    for await (const chunk of chunksOf(new Blob([data]), undefined, 16_384)) {
      expect(chunk.length).toBeGreaterThan(0);
      expect(chunk.length).toBeLessThanOrEqual(16_384);
      expect(chunk.buffer.byteLength).toBe(16_384);
      // The previous chunk's buffer went to this read (a BYOB read transfers it), so its view is empty now.
      if (previous && previous.byteLength === 0) numGivenUp++;
      copies.push(chunk.slice());
      previous = chunk;
    }
    expect(copies.length).toBeGreaterThan(10);
    expect(numGivenUp).toBe(copies.length - 1);
    expect(join(copies)).toEqual(data);
  });

  it('fills the buffer from a byte stream that trickles for a file, and hands a download\'s bytes on as they come', async () => {
    const fileChunks: number[] = [];
    for await (const chunk of chunksOf(new TricklingBlob([data]), undefined, 16_384)) fileChunks.push(chunk.length);
    expect(fileChunks.slice(0, -1).every((n) => n === 16_384)).toBe(true);
    expect(fileChunks.reduce((a, b) => a + b, 0)).toBe(data.length);

    const downloadChunks: number[] = [];
    for await (const chunk of chunksOf({ stream: trickle(data), size: data.length }, undefined, 16_384)) downloadChunks.push(chunk.length);
    expect(downloadChunks.every((n) => n <= TRICKLE)).toBe(true);
    expect(downloadChunks.reduce((a, b) => a + b, 0)).toBe(data.length);
  });

  it('a cancel while the buffer is still filling ends the chunks, without an error', async () => {
    let sent = false;
    // A file whose read stalls after its first 1,000 bytes: the buffer waits half filled.
    class StalledBlob extends Blob {
      override stream(): ReturnType<Blob['stream']> {
        return new ReadableStream({
          type: 'bytes',
          pull(controller) {
            if (sent) return new Promise<void>(() => {});
            sent = true;
            controller.enqueue(data.slice(0, TRICKLE));
            return undefined;
          },
        }) as ReturnType<Blob['stream']>;
      }
    }
    const cancel = new AbortController();
    const chunks: Uint8Array[] = [];
    const reading = (async () => {
      for await (const chunk of chunksOf(new StalledBlob([data]), undefined, 16_384, undefined, cancel.signal)) chunks.push(chunk);
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toBe(true);
    cancel.abort();
    await expect(reading).resolves.toBeUndefined();
    expect(chunks).toEqual([]);
  });

  it('reads a stream of chunks that is not a byte stream (a download) as it comes', async () => {
    const given: Uint8Array[] = [];
    for (let at = 0; at < data.length; at += 30_000) given.push(data.slice(at, at + 30_000));
    let next = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next < given.length) controller.enqueue(given[next++]!);
        else controller.close();
      },
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of chunksOf({ stream, size: data.length }, undefined, 16_384)) chunks.push(chunk);
    // Cut to at most 16,384 bytes, as views of the chunks given (nothing copied, nothing given up).
    expect(chunks.every((c) => c.length <= 16_384 && given.some((g) => g.buffer === c.buffer))).toBe(true);
    expect(join(chunks)).toEqual(data);
  });
});
