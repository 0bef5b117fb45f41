// Reading inputs for the CLI: files by path, `-` or `/dev/stdin` for standard input, each read piece by piece
// as it is decoded (loadChunkedDataset), so a JSON-lines dump is never whole in memory: `tracelens check` on
// 1M spans in a 522 MB file held it all as one buffer before.
import { open, readFile, stat } from 'node:fs/promises';
import type { ChunkedInput } from '../core/load-dataset.ts';
import type { InputReport } from '../core/model/dataset-builder.ts';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  stdin: AsyncIterable<Uint8Array | string>;
}

/** A stream's pieces as bytes (standard input may give text). */
async function* bytesOf(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const c of stream) yield typeof c === 'string' ? new TextEncoder().encode(c) : c;
}

export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of bytesOf(stream)) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Every error and warning the decoders reported, a line each on stderr: `file: severity: message (where)`. */
export function writeInputErrors(inputs: readonly InputReport[], io: CliIo): void {
  for (const i of inputs) for (const e of i.errors) io.stderr(`${i.file}: ${e.severity}: ${e.message} (${e.where})\n`);
}

export type ReadResult = { ok: true; input: ChunkedInput } | { ok: false; file: string; message: string };

/** Bytes read from a file at a time. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * The file's bytes, each read into the same buffer: ChunkedLoad reads a piece while it is pushed only, as
 * the app's worker reads a file (workers/read-chunks.ts). With a new 1 MiB buffer per read (and the lines of
 * a JSON-lines dump cut every MiB), `tracelens graph` on 1M spans (498 MiB) took 9.8-10.2 s against
 * 9.6-9.8 s this way (three alternating pairs).
 */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buf = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/**
 * An input to read: a file is checked now (there, a directory, readable), and read when loaded. Opening it
 * here and closing it again keeps the reasons a file cannot be read where they were (exit 2 before any load).
 */
export async function readInput(path: string, io: CliIo): Promise<ReadResult> {
  if (path === '-' || path === '/dev/stdin') return { ok: true, input: { name: path, chunks: () => bytesOf(io.stdin) } };
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, file: path, message: 'is a directory' };
    await (await open(path, 'r')).close();
    return { ok: true, input: { name: path, size: info.size, chunks: () => fileChunks(path), whole: async () => new Uint8Array(await readFile(path)) } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(err);
    return { ok: false, file: path, message };
  }
}
