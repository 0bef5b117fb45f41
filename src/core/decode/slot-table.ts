// The slots of an open-addressing hash table (linear probing, a power-of-two size kept at most half full)
// over entries numbered 0, 1, 2, … in the order they were added. The pools keep the entries themselves
// (byte-pool.ts: bytes and values; id-pool.ts: id words and strings) and probe `slots` with their own
// comparison, which stays inline on their hot paths; placing and growing are the same for both, here.

export class SlotTable {
  /** Entry number per slot, -1 for an empty one. Read it afresh after `grow`, which replaces it. */
  slots = new Int32Array(1 << 12).fill(-1);

  /** True when entry `numEntries` (the next one) would leave the table more than half full. */
  isFull(numEntries: number): boolean {
    return (numEntries + 1) * 2 > this.slots.length;
  }

  /** Doubles the table and re-places entries 0 .. numEntries-1; `hashOf` gives an entry's hash. */
  grow(numEntries: number, hashOf: (entry: number) => number): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < numEntries; entry++) this.place(entry, hashOf(entry));
  }

  /** Puts `entry` in the first free slot from its hash on. */
  place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }
}
