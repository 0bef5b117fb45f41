// loadChunkedDataset, the CLI's way in: each input read piece by piece gives loadDataset's model, and JSON
// lines are decoded as they are read (a read that fails half-way keeps the lines before it, where a whole
// read would keep nothing). SDK-made spans.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { NO_SERVICE } from '../../../src/core/model/assemble.ts';
import { readInput } from '../../../src/cli/io.ts';
import { loadChunkedDataset, loadDataset, type ChunkedInput } from '../../../src/core/load-dataset.ts';
import { modelText } from '../../support/model-text.ts';

const { world, spans } = generateSpans(3000, 100, 11);
const lines: string[] = [];
for (let at = 0; at < spans.length; at += 300) lines.push(world.otlpJson(spans.slice(at, at + 300)));
const jsonl = new TextEncoder().encode(`${lines.join('\n')}\n`);
const doc = new TextEncoder().encode(world.otlpJson(spans.slice(0, 500)));

/** `bytes` in pieces of `size` (odd, so pieces end mid-line); `failAt`: the read fails once that many bytes are out. */
function pieces(name: string, bytes: Uint8Array, size: number, failAt = Infinity): ChunkedInput {
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += size) {
        if (at >= failAt) throw new Error('EIO: i/o error, read');
        yield bytes.slice(at, at + size);
      }
    },
  };
}

describe('loadChunkedDataset', () => {
  it("gives loadDataset's model for JSON lines, gzipped JSON lines and a JSON document together", async () => {
    const inputs = [
      { name: 'a.jsonl', bytes: jsonl },
      { name: 'b.jsonl.gz', bytes: gzipSync(jsonl) },
      { name: 'c.json', bytes: doc },
    ];
    const chunked = await loadChunkedDataset(inputs.map((i) => pieces(i.name, i.bytes, 7919)));
    expect(chunked.spans).toHaveLength(3000 * 2 + 500);
    expect(modelText(chunked)).toBe(modelText(loadDataset(inputs)));
  });

  it('decodes JSON lines as they are read: a read failing half-way keeps the lines before it, and says why', async () => {
    const ds = await loadChunkedDataset([pieces('dump.jsonl', jsonl, 64 * 1024, jsonl.length / 2), pieces('ok.json', doc, 4096)]);
    const [broken, ok] = ds.inputs;
    expect(broken!.spans).toBeGreaterThan(0);
    expect(broken!.spans).toBeLessThan(3000);
    expect(broken!.spans % 300).toBe(0); // whole lines only
    expect(broken!.errors).toEqual([expect.objectContaining({ severity: 'error', message: `cannot read the input: EIO: i/o error, read; the ${broken!.spans} spans decoded before it are kept` })]);
    // A document decodes as it is read too: the same failure keeps the spans read before it, each under its
    // resource and scope, and the next input still loads.
    const docFails = await loadChunkedDataset([pieces('d.json', doc, 4096, doc.length / 2)]);
    const kept = docFails.inputs[0]!.spans;
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(500);
    expect(docFails.inputs[0]!.errors[0]!.message).toBe(`cannot read the input: EIO: i/o error, read; the ${kept} spans decoded before it are kept`);
    expect(docFails.spans.every((s) => s.resourceIdx >= 0 && s.scopeIdx >= 0)).toBe(true);
    expect(docFails.services).not.toContain(NO_SERVICE);
    expect(ok!.spans).toBe(500);
  });

  it('reads a document the fast path gives up on again whole when it can: the pieces stop there, the model is the same', async () => {
    const text = new TextDecoder().decode(doc);
    const at = text.indexOf('"droppedLinksCount"', text.length / 2);
    const odd = new TextEncoder().encode(`${text.slice(0, at)}"dropped_links_count"${text.slice(at + '"droppedLinksCount"'.length)}`);
    let piecesRead = 0;
    let wholeReads = 0;
    const counted: ChunkedInput = {
      name: 'odd.json',
      async *chunks() {
        for await (const piece of pieces('odd.json', odd, 4096).chunks()) {
          piecesRead++;
          yield piece;
        }
      },
      whole: async () => (wholeReads++, odd),
    };
    const reference = modelText(loadDataset([{ name: 'odd.json', bytes: odd }]));
    expect(modelText(await loadChunkedDataset([counted]))).toBe(reference);
    expect(wholeReads).toBe(1);
    expect(piecesRead).toBeLessThan(odd.length / 4096);
    // Without a way to read it again, its pieces were kept: the same model.
    expect(modelText(await loadChunkedDataset([pieces('odd.json', odd, 4096)]))).toBe(reference);
  });

  it("reads the CLI's files piece by piece into one buffer, and still refuses what cannot be read before loading", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelens-chunked-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // Past the 8 MiB read at a time (src/cli/io.ts), so the file comes in several pieces (its lines repeat:
    // exact duplicates, read the same way whole).
    const copies = Math.ceil((9 * 2 ** 20) / jsonl.length);
    const big = new Uint8Array(jsonl.length * copies);
    for (let k = 0; k < copies; k++) big.set(jsonl, k * jsonl.length);
    writeFileSync(join(dir, 'dump.jsonl'), big);
    const io = { stdout: () => {}, stderr: () => {}, stdin: (async function* () {})() };
    const read = await readInput(join(dir, 'dump.jsonl'), io);
    if (!read.ok) throw new Error(read.message);
    expect(read.input.size).toBe(big.length);
    const seen: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of read.input.chunks()) {
      seen.push(chunk.slice());
      buffers.add(chunk.buffer);
    }
    // Every piece is read into the same buffer: ChunkedLoad reads a piece while it is pushed only.
    expect(seen.length).toBeGreaterThan(1);
    expect(buffers.size).toBe(1);
    expect(Buffer.concat(seen).equals(Buffer.from(big))).toBe(true);
    expect(modelText(await loadChunkedDataset([read.input]))).toBe(modelText(loadDataset([{ name: join(dir, 'dump.jsonl'), bytes: big }])));
    expect(await readInput(join(dir, 'missing.jsonl'), io)).toEqual({ ok: false, file: join(dir, 'missing.jsonl'), message: 'no such file' });
    expect(await readInput(dir, io)).toEqual({ ok: false, file: dir, message: 'is a directory' });
  });
});
