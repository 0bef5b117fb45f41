// The slots of an open-addressing hash table (linear probing, a power-of-two size kept at most half full)
// over entries numbered 0, 1, 2, … in the order they were added. The pools keep the entries themselves
// (byte-pool.ts: bytes and values; id-pool.ts: id words and strings) and probe `slots` with their own
// comparison, which stays inline on their hot paths; placing and growing are the same for both, here.
//
// Probes are bounded. The pools' hashes are fixed and cheap (FNV-1a, a multiply-xor of id words), so an input
// can be made whose keys all land in one slot: with unbounded probing each new key walked every earlier
// one, and a crafted 40,000-span file took 4.6 s to decode instead of 0.2 s (quadratic; a million spans
// would take an hour). A look-up gives up after MAX_PROBES slots and a key with no free slot that near is
// not kept: the pools answer "not seen", the decoder decodes the value afresh, and only sharing is lost.
import { shapeOf } from '../warm/keep-shapes.ts';

/**
 * Slots a look-up or insert walks at most. At most half full, a random key's expected walk is under 3
 * slots and one of 64 is vanishingly rare; losing sharing for such a key costs memory, not answers.
 */
export const MAX_PROBES = 64;

export class SlotTable {
  /** Entry number per slot, -1 for an empty one. Read it afresh after `grow`, which replaces it. */
  slots = new Int32Array(1 << 12).fill(-1);

  constructor() {
    shapeOf(this);
  }

  /** True when entry `numEntries` (the next one) would leave the table more than half full. */
  isFull(numEntries: number): boolean {
    return (numEntries + 1) * 2 > this.slots.length;
  }

  /** Doubles the table and re-places entries 0 .. numEntries-1; `hashOf` gives an entry's hash. */
  grow(numEntries: number, hashOf: (entry: number) => number): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < numEntries; entry++) this.place(entry, hashOf(entry));
  }

  /** The first free slot within MAX_PROBES of `hash`'s own, or -1 when there is none. */
  freeSlot(hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) if (slots[slot]! < 0) return slot;
    return -1;
  }

  /**
   * Puts `entry` in the first free slot from its hash on (re-placing on growth keeps every entry, however far:
   * the table is at most a quarter full then, and a look-up that gives up on one only loses its sharing).
   */
  place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }
}
