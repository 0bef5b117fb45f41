// Values kept by a list of numbers and a tag: the builder's pooled attribute lists by their KeyValues'
// numbers, and its one-off shapes (one-off-attributes.ts) by those numbers with the slot, type and key of
// the value of their own as the tag. Both were found by a string formed of the numbers per span (a join, a
// concatenation and a string hash; README, Performance, 2026-12-02); here the numbers are mixed into an
// integer and an entry is told apart by comparing them.
import { shapeOf } from '../warm/keep-shapes.ts';

/**
 * Entries kept under one hash at most: numbers crafted to mix to one hash would otherwise make each look-up
 * compare against every entry before it (as MAX_PROBES bounds the id pools' slot tables, slot-table.ts).
 */
export const MAX_PER_HASH = 8;

interface Entry<T> {
  readonly nums: readonly number[];
  readonly tag: number;
  readonly value: T;
}

export class NumbersPool<T> {
  private readonly byHash = new Map<number, Entry<T>[]>();
  private size = 0;

  /** `hashOf`: how the numbers are mixed (tests give one that mixes every entry to one hash). */
  constructor(
    private readonly maxEntries: number,
    private readonly hashOf: (nums: readonly number[], tag: number) => number = mixNumbers,
  ) {
    shapeOf(this);
  }

  /** The value kept for `nums` and `tag`, or undefined. */
  get(nums: readonly number[], tag: number): T | undefined {
    const bucket = this.byHash.get(this.hashOf(nums, tag));
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) {
      const e = bucket[i]!;
      if (e.tag === tag && sameNumbers(e.nums, nums)) return e.value;
    }
    return undefined;
  }

  /**
   * Keeps `value` for `nums` and `tag`, which `get` did not find; a full pool, or a hash holding MAX_PER_HASH
   * entries already, keeps nothing (the caller uses its value all the same, unshared).
   */
  set(nums: readonly number[], tag: number, value: T): void {
    if (this.size >= this.maxEntries) return;
    const hash = this.hashOf(nums, tag);
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, [{ nums, tag, value }]);
    else if (bucket.length < MAX_PER_HASH) bucket.push({ nums, tag, value });
    else return;
    this.size++;
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Mixes the numbers and the tag into a hash (murmur3's multiply-xorshift steps). */
function mixNumbers(nums: readonly number[], tag: number): number {
  let h = Math.imul(tag + 1, 0x9e3779b1);
  for (let i = 0; i < nums.length; i++) {
    h = Math.imul(h ^ nums[i]!, 0xcc9e2d51);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
