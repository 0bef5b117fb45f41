// A cache keyed by raw input bytes: decoders look up the bytes of a value (an attribute's whole KeyValue
// message or JSON object, a name) before decoding them, and reuse what an identical run of bytes gave
// before. Most attributes of a big dump repeat byte for byte (`"http.request.method": "GET"`), so a repeat
// costs one hash and one compare instead of decoding, allocating and pooling (see core/model/intern.ts).
// Open addressing over a power-of-two table; the keys' bytes are copied into one arena, never referenced
// in the input, so the input buffer can be dropped after decoding.

/** Runs longer than this are rarely repeated (URLs with ids, SQL text): decode them directly. */
export const MAX_POOLED_BYTES = 256;
/**
 * A span's whole attribute list: spans of one operation repeat theirs byte for byte (every DB call of one
 * statement, every step of a loop), and one look-up then replaces decoding and sharing each KeyValue.
 */
export const MAX_POOLED_LIST_BYTES = 4096;
/** Bound the pool, so a hostile input of unique values cannot grow it without end (at most 16 MiB of keys). */
const MAX_ENTRIES = 1 << 19;
const MAX_ARENA_BYTES = 16 << 20;

export class BytePool<T> {
  /** `maxBytes`: longer runs are neither looked up nor remembered. */
  constructor(private readonly maxBytes = MAX_POOLED_BYTES) {}

  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;

  get size(): number {
    return this.values.length;
  }

  /**
   * hashBytes of `buf[start, end)` for `get` and `set`, hashed once for both; 0 for a run too long for this
   * pool, which neither would look at.
   */
  hash(buf: Uint8Array, start: number, end: number): number {
    return end - start <= this.maxBytes ? hashBytes(buf, start, end) : 0;
  }

  /** What `buf[start, end)` gave before, or undefined. `hash` saves a pass when the caller hashed while scanning. */
  get(buf: Uint8Array, start: number, end: number, hash = hashBytes(buf, start, end)): T | undefined {
    if (end - start > this.maxBytes) return undefined;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && this.sameBytes(entry, buf, start, end)) return this.values[entry];
    }
  }

  /** Remembers `value` for `buf[start, end)`; too long runs and a full pool are ignored. */
  set(buf: Uint8Array, start: number, end: number, value: T, hash = hashBytes(buf, start, end)): void {
    const length = end - start;
    if (length > this.maxBytes || this.values.length >= MAX_ENTRIES || this.arenaUsed + length > MAX_ARENA_BYTES) return;
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    const entry = this.values.length;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.hashes.push(hash);
    this.starts.push(this.arenaUsed);
    this.lengths.push(length);
    this.values.push(value);
    this.arenaUsed += length;
    this.place(entry, hash);
  }

  private sameBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    if (this.lengths[entry] !== end - start) return false;
    const arena = this.arena;
    let at = this.starts[entry]!;
    for (let i = start; i < end; i++, at++) if (arena[at] !== buf[i]) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.values.length; entry++) this.place(entry, this.hashes[entry]!);
  }
}

/** FNV-1a over the bytes, 32-bit. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}
