// Ids pooled by value: an 8-byte span id is two 32-bit words and a 16-byte trace id four, so the words
// themselves are the key. The OTLP decoders meet a trace id once per span; keyed by bytes (byte-pool.ts) each
// look-up hashed and compared 16-34 bytes, here it mixes and compares two or four integers. One string per
// id value is kept (and `AB…` in one JSON span, `ab…` in another, one). Span ids they no longer pool: the
// builder keeps them as words (model/span-columns.ts), so no string is made for them at all.
import { MAX_PROBES, SlotTable } from './slot-table.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** Bounds the pool, so a hostile input of unique ids cannot grow it without end (16 MiB of words at most). */
const MAX_ENTRIES = 1 << 20;

export class IdPool {
  /** The id being looked up or added: fill `key[0 .. numWords)` first. */
  readonly key = new Int32Array(4);
  private readonly table = new SlotTable();
  private words: Int32Array;
  private readonly ids: string[] = [];
  private hash = 0;

  constructor(private readonly numWords: 2 | 4) {
    this.words = new Int32Array(1024 * numWords);
    shapeOf(this);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The string kept for the id in `key`, or undefined (also when MAX_PROBES slots were walked: see
   * slot-table.ts). Remembers the key's hash for `add`.
   */
  get(): string | undefined {
    const k = this.key;
    const n = this.numWords;
    const h = (this.hash = mix(k, 0, n));
    const slots = this.table.slots;
    const mask = slots.length - 1;
    const words = this.words;
    for (let probe = 0, slot = h & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry < 0) return undefined;
      const at = entry * n;
      if (words[at] === k[0] && words[at + 1] === k[1] && (n === 2 || (words[at + 2] === k[2] && words[at + 3] === k[3]))) return this.ids[entry];
    }
    return undefined;
  }

  /**
   * Keeps `id` for the key of the last `get` (which missed); a full pool, or one with no free slot within
   * MAX_PROBES of the key's, keeps nothing.
   */
  add(id: string): void {
    const entry = this.ids.length;
    if (entry >= MAX_ENTRIES) return;
    const n = this.numWords;
    if (this.table.isFull(entry)) this.table.grow(entry, (e) => mix(this.words, e * n, n));
    const slot = this.table.freeSlot(this.hash);
    if (slot < 0) return;
    if ((entry + 1) * n > this.words.length) {
      const bigger = new Int32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    // Word by word: `set(key.subarray(…))` made a view object per id added (every span id is added once).
    const words = this.words;
    const k = this.key;
    const at = entry * n;
    words[at] = k[0]!;
    words[at + 1] = k[1]!;
    if (n === 4) {
      words[at + 2] = k[2]!;
      words[at + 3] = k[3]!;
    }
    this.ids.push(id);
    this.table.slots[slot] = entry;
  }
}

/** Mixes the id's words at `k[at ..]` into a slot hash. */
export function mix(k: Int32Array, at: number, n: number): number {
  let h = Math.imul(k[at]! ^ Math.imul(k[at + 1]!, 0x9e3779b1), 0x85ebca6b);
  if (n === 4) h = Math.imul(h ^ k[at + 2]! ^ Math.imul(k[at + 3]!, 0x27d4eb2f), 0xc2b2ae35);
  return h ^ (h >>> 15);
}
