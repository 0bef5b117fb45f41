// gzip and zstd are recognised by their magic bytes, not the file name, and decompressed with a bound: a
// decompression bomb gets a clear refusal instead of a frozen tab. fflate and fzstd are small, pure-JS
// and work the same in the worker and in Node, so the CLI and the app share this path.
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';

export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;

export type Compression = 'gzip' | 'zstd' | 'none';

export function detectCompression(bytes: Uint8Array): Compression {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return 'zstd';
  return 'none';
}

export class DecompressionLimitError extends Error {}

/** Layers of compression taken off at most (a .json.gz.gz has two); what is left is read as it is. */
export const MAX_COMPRESSION_LAYERS = 4;

/** Decompresses (repeatedly, for a .json.gz.gz) until the bytes are no longer compressed. */
export function decompress(bytes: Uint8Array, maxBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): { bytes: Uint8Array; layers: Compression[] } {
  const layers: Compression[] = [];
  let current = bytes;
  for (let kind = detectCompression(current); kind !== 'none' && layers.length < MAX_COMPRESSION_LAYERS; kind = detectCompression(current)) {
    current = inflate(kind, current, maxBytes);
    layers.push(kind);
  }
  return { bytes: current, layers };
}

/** Compressed bytes handed to the inflater at once, so output (and the bound) is checked as it grows. */
const SLICE_BYTES = 64 * 1024;

/**
 * gzip or zstd inflated as it arrives: `push` the compressed chunks in order, then `finish`; the inflated
 * chunks go to `ondata` as they come out. Each throws on corrupt or (at `finish`) cut-short data.
 */
export class InflateStream {
  private readonly stream: Gunzip | ZstdDecompress;

  constructor(readonly kind: 'gzip' | 'zstd', ondata: (chunk: Uint8Array) => void) {
    this.stream = kind === 'gzip' ? new Gunzip(ondata) : new ZstdDecompress(ondata);
  }

  push(chunk: Uint8Array): void {
    for (let pos = 0; pos < chunk.length; pos += SLICE_BYTES) this.stream.push(chunk.subarray(pos, pos + SLICE_BYTES), false);
  }

  finish(): void {
    this.stream.push(new Uint8Array(0), true);
  }
}

/** The refusal of input that inflates past `maxBytes`. */
export function decompressionLimitError(kind: 'gzip' | 'zstd', maxBytes: number, inputBytes: number): DecompressionLimitError {
  return new DecompressionLimitError(
    `${kind} data expands past ${Math.round(maxBytes / 2 ** 20)} MiB (from ${inputBytes} bytes); refused as a possible decompression bomb`,
  );
}

function inflate(kind: 'gzip' | 'zstd', input: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new InflateStream(kind, (chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw decompressionLimitError(kind, maxBytes, input.length);
    chunks.push(chunk);
  });
  stream.push(input);
  stream.finish();
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
