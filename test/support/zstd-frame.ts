// Zstandard frames of raw blocks (RFC 8878 section 3.1.1), which fzstd must read as any encoder's: tests of
// compressed input need zstd data without a zstd encoder in node.
import { join } from '../../src/core/decode/stream.ts';

/** A zstd frame of blocks of `blockType` (0: Raw_Block; 3 is reserved): magic, a descriptor without content size, a 128 KiB window. */
export function zstdFrame(data: Uint8Array, blockType = 0): Uint8Array {
  const MAX_BLOCK = 128 * 1024;
  const parts: Uint8Array[] = [Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3)];
  for (let at = 0; at === 0 || at < data.length; at += MAX_BLOCK) {
    const block = data.subarray(at, at + MAX_BLOCK);
    const header = (at + MAX_BLOCK >= data.length ? 1 : 0) | (blockType << 1) | (block.length << 3);
    parts.push(Uint8Array.of(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff), block);
  }
  return join(parts);
}
