// Reading inputs for the CLI: files by path, `-` or `/dev/stdin` for standard input.
import { readFile } from 'node:fs/promises';
import type { NamedBytes } from '../core/load-dataset.ts';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  stdin: AsyncIterable<Uint8Array | string>;
}

export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? new TextEncoder().encode(c) : c);
  return Buffer.concat(chunks);
}

export type ReadResult = { ok: true; input: NamedBytes } | { ok: false; file: string; message: string };

export async function readInput(path: string, io: CliIo): Promise<ReadResult> {
  if (path === '-' || path === '/dev/stdin') return { ok: true, input: { name: path, bytes: await readAll(io.stdin) } };
  try {
    return { ok: true, input: { name: path, bytes: new Uint8Array(await readFile(path)) } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(err);
    return { ok: false, file: path, message };
  }
}
