// Finding the next line feed in bytes, for the line splitters of JSON lines (lines.ts, stream.ts). Four bytes
// at a time: in Chromium `Uint8Array.prototype.indexOf` took 0.6 ns a byte and this 0.2 (64 MiB with a line
// every 520 KB, as a Collector's file dump of 1,000 spans a line; /tmp/scratch/nl.mjs in a page), and the
// search was ~10% of a 1M-span JSON-lines load in the app (worker profile). In node both take ~0.5 ns a byte.

const LF = 0x0a;
const LFS = 0x0a0a0a0a;
const ONES = 0x01010101;
const HIGHS = 0x80808080;

/** The index of the first LF in `bytes` at or after `from`, or -1. */
export function indexOfLf(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = Math.max(0, from);
  // Byte by byte up to a 4-byte boundary of the underlying buffer, where a Uint32Array view can start.
  while (i < n && ((bytes.byteOffset + i) & 3) !== 0) {
    if (bytes[i] === LF) return i;
    i++;
  }
  const numWords = (n - i) >>> 2;
  if (numWords > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, numWords);
    for (let k = 0; k < numWords; k++) {
      // A word holds an LF iff it XOR LFS has a zero byte: (x - 0x01…) & ~x & 0x80… is nonzero exactly then.
      const x = words[k]! ^ LFS;
      if (((x - ONES) & ~x & HIGHS) !== 0) {
        for (let j = i + k * 4; j < i + k * 4 + 4; j++) if (bytes[j] === LF) return j;
      }
    }
    i += numWords * 4;
  }
  for (; i < n; i++) if (bytes[i] === LF) return i;
  return -1;
}
