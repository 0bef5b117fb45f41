// A cache keyed by raw input bytes: decoders look up the bytes of a value (an attribute's whole KeyValue
// message or JSON object, a name) before decoding them, and reuse what an identical run of bytes gave
// before. Most attributes of a big dump repeat byte for byte (`"http.request.method": "GET"`), so a repeat
// costs one hash and one compare instead of decoding, allocating and pooling (see core/model/intern.ts).
// Open addressing over a power-of-two table; the keys' bytes are copied into one arena, never referenced
// in the input, so the input buffer can be dropped after decoding.
import { MAX_PROBES, SlotTable } from './slot-table.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

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
  constructor(private readonly maxBytes = MAX_POOLED_BYTES) {
    shapeOf(this);
  }

  private readonly table = new SlotTable();
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  /**
   * The arena, and the memory of the last input looked up, as views that read four bytes at a time
   * (sameBytes). The input's view is kept by its memory, not by the array: a decoder hands over a new
   * subarray per line or frame of one input. A pool that outlives its input's load (one read by a codec of
   * encoded attributes) must `forgetInput`, or the view keeps the whole input alive.
   */
  private arenaView: DataView = new DataView(this.arena.buffer);
  private input: ArrayBufferLike | undefined;
  private inputView: DataView = this.arenaView;

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
    const slots = this.table.slots;
    const mask = slots.length - 1;
    for (let probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && this.sameBytes(entry, buf, start, end)) return this.values[entry];
    }
    return undefined;
  }

  /** Remembers `value` for `buf[start, end)`; too long runs, a full pool and a crowded hash are ignored. */
  set(buf: Uint8Array, start: number, end: number, value: T, hash = hashBytes(buf, start, end)): void {
    const length = end - start;
    if (length > this.maxBytes || this.values.length >= MAX_ENTRIES || this.arenaUsed + length > MAX_ARENA_BYTES) return;
    const entry = this.values.length;
    if (this.table.isFull(entry)) this.table.grow(entry, (e) => this.hashes[e]!);
    // No free slot near the hash's own: runs crafted to share one hash are decoded each time (slot-table.ts).
    const slot = this.table.freeSlot(hash);
    if (slot < 0) return;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
      this.arenaView = new DataView(bigger.buffer);
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.hashes.push(hash);
    this.starts.push(this.arenaUsed);
    this.lengths.push(length);
    this.values.push(value);
    this.arenaUsed += length;
    this.table.slots[slot] = entry;
  }

  /** Lets go of the last input looked up (see `input`). */
  forgetInput(): void {
    this.input = undefined;
    this.inputView = this.arenaView;
  }

  /**
   * Whether the entry's bytes are `buf[start, end)`, compared four at a time: a hit compares every byte of a
   * run (a whole attribute list of up to 4 KiB), and a byte at a time took three times as long (node 20).
   */
  private sameBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths[entry] !== length) return false;
    if (buf.buffer !== this.input) {
      this.input = buf.buffer;
      this.inputView = new DataView(buf.buffer);
    }
    const a = this.arenaView;
    const b = this.inputView;
    const at = this.starts[entry]!;
    const from = buf.byteOffset + start;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (a.getInt32(at + i) !== b.getInt32(from + i)) return false;
    for (; i < length; i++) if (a.getUint8(at + i) !== b.getUint8(from + i)) return false;
    return true;
  }
}

/** Look-ups a gate weighs at a time, and how many it then skips when they nearly all missed. */
const GATE_WINDOW = 256;
const GATE_REST = 4096;

/**
 * Skips look-ups that keep missing. Spans whose attribute list holds a value of their own (a URL with an
 * id) never repeat their list, and hashing each list to look it up only costs: after GATE_WINDOW look-ups
 * with under one hit in 16, the next GATE_REST are skipped, then it weighs again.
 */
export class LookupGate {
  private numTried = 0;
  private numFound = 0;
  private numResting = 0;

  constructor() {
    shapeOf(this);
  }

  /** Whether to look up this time. */
  isOpen(): boolean {
    if (this.numResting === 0) return true;
    this.numResting--;
    return false;
  }

  /** What an open look-up gave. */
  record(found: boolean): void {
    this.numTried++;
    if (found) this.numFound++;
    if (this.numTried < GATE_WINDOW) return;
    if (this.numFound * 16 < this.numTried) this.numResting = GATE_REST;
    this.numTried = 0;
    this.numFound = 0;
  }
}

/** FNV-1a over the bytes, 32-bit. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}
