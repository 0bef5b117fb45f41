// The builder finds a pooled attribute list or one-off shape by its numbers (numbers-pool.ts): the same
// numbers and tag give the value kept for them, and any number that differs gives none, also among entries
// whose numbers mix to one hash.
import { describe, expect, it } from 'vitest';
import { MAX_PER_HASH, NumbersPool } from '../../../src/core/model/numbers-pool.ts';

/** Gets the value for these numbers, or keeps `fresh`; returns it with whether it was found. */
function valueOf<T>(pool: NumbersPool<T>, nums: number[], tag: number, fresh: T): { value: T; found: boolean } {
  const found = pool.get(nums, tag);
  if (found !== undefined) return { value: found, found: true };
  pool.set(nums, tag, fresh);
  return { value: fresh, found: false };
}

describe('NumbersPool', () => {
  it('gives the value kept for the same numbers and tag, and none when a number or the tag differs', () => {
    const pool = new NumbersPool<object>(100);
    const first = valueOf(pool, [3, 7], 1, {});
    expect(first.found).toBe(false);
    expect(valueOf(pool, [3, 7], 1, {})).toEqual({ value: first.value, found: true });
    expect(valueOf(pool, [3, 7], 1, {}).value).toBe(first.value);
    expect(pool.get([7, 3], 1)).toBeUndefined();
    expect(pool.get([3], 1)).toBeUndefined();
    expect(pool.get([3, 7, 0], 1)).toBeUndefined();
    expect(pool.get([3, 7], 0)).toBeUndefined();
    expect(pool.get([], 1)).toBeUndefined();
  });

  it('tells apart entries whose numbers mix to one hash', () => {
    const pool = new NumbersPool<object>(100, () => 7);
    const made = [[1], [2], [1, 2], [2, 1]].map((nums, i) => valueOf(pool, nums, i % 2, {}));
    expect(made.map((m) => m.found)).toEqual([false, false, false, false]);
    expect(new Set(made.map((m) => m.value)).size).toBe(4);
    for (const [i, nums] of [[1], [2], [1, 2], [2, 1]].entries()) expect(pool.get(nums, i % 2)).toBe(made[i]!.value);
    expect(pool.get([1], 1)).toBeUndefined();
  });

  it('finds each of many entries again after all were kept', () => {
    const pool = new NumbersPool<object>(1000);
    const kept = new Map<string, object>();
    for (let a = 0; a < 200; a++) {
      for (let tag = 0; tag < 3; tag++) kept.set(`${a}/${tag}`, valueOf(pool, [a, a * 31 + tag, 7], tag, {}).value);
    }
    expect(new Set(kept.values()).size).toBe(600);
    for (let a = 0; a < 200; a++) {
      for (let tag = 0; tag < 3; tag++) expect(pool.get([a, a * 31 + tag, 7], tag)).toBe(kept.get(`${a}/${tag}`));
    }
  });

  it('keeps at most MAX_PER_HASH entries under one hash, and at most its bound in all', () => {
    const oneHash = new NumbersPool<object>(100, () => 7);
    const n = MAX_PER_HASH + 4;
    const made = Array.from({ length: n }, (_, a) => valueOf(oneHash, [a], 0, {}));
    expect(made.every((m) => !m.found)).toBe(true);
    for (let a = 0; a < n; a++) {
      // Those past the bound were used unshared: the same numbers find nothing again.
      if (a < MAX_PER_HASH) expect(oneHash.get([a], 0)).toBe(made[a]!.value);
      else expect(oneHash.get([a], 0)).toBeUndefined();
    }
    const small = new NumbersPool<object>(3);
    for (let a = 0; a < 5; a++) valueOf(small, [a], 0, {});
    expect([0, 1, 2, 3, 4].map((a) => small.get([a], 0) !== undefined)).toEqual([true, true, true, false, false]);
  });
});
