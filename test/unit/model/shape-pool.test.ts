// The builder finds a one-off shape by its numbers (shape-pool.ts): the same numbers give the shape kept
// for them, and any number that differs gives none, also among shapes whose numbers mix to one hash.
import { describe, expect, it } from 'vitest';
import { OneOffShape } from '../../../src/core/model/one-off-attributes.ts';
import { MAX_SHAPES_PER_HASH, ShapePool } from '../../../src/core/model/shape-pool.ts';

type Type = OneOffShape['type'];

/** Finds the shape for these numbers, or makes and adds one; returns it with whether it was found. */
function shapeOf(pool: ShapePool, ids: number[], slot: number, key: string, type: Type): { shape: OneOffShape; found: boolean } {
  const found = pool.find(ids, slot, key, type);
  if (found !== undefined) return { shape: found, found: true };
  const shape = new OneOffShape([], slot, key, type);
  pool.add(shape, ids);
  return { shape, found: false };
}

describe('ShapePool', () => {
  it('gives the shape kept for the same numbers, and none when the ids, slot or key differ', () => {
    const pool = new ShapePool();
    const first = shapeOf(pool, [3, 7], 1, 'url.full', 'string');
    expect(first.found).toBe(false);
    expect(shapeOf(pool, [3, 7], 1, 'url.full', 'string')).toEqual({ shape: first.shape, found: true });
    expect(pool.find([7, 3], 1, 'url.full', 'string')).toBeUndefined();
    expect(pool.find([3], 1, 'url.full', 'string')).toBeUndefined();
    expect(pool.find([3, 7, 0], 1, 'url.full', 'string')).toBeUndefined();
    expect(pool.find([3, 7], 0, 'url.full', 'string')).toBeUndefined();
    expect(pool.find([3, 7], 1, 'db.query.text', 'string')).toBeUndefined();
  });

  it('tells apart shapes whose numbers mix to one hash: the type is left out of the hash', () => {
    const pool = new ShapePool();
    const types: Type[] = ['string', 'int', 'bytes'];
    const made = types.map((type) => shapeOf(pool, [5], 0, 'app.id', type));
    expect(made.map((m) => m.found)).toEqual([false, false, false]);
    expect(new Set(made.map((m) => m.shape)).size).toBe(3);
    for (const [i, type] of types.entries()) {
      const again = pool.find([5], 0, 'app.id', type);
      expect(again).toBe(made[i]!.shape);
      expect(again!.type).toBe(type);
    }
  });

  it('finds each of many shapes again after all were added', () => {
    const pool = new ShapePool();
    const shapes = new Map<string, OneOffShape>();
    for (let a = 0; a < 200; a++) {
      for (let slot = 0; slot < 3; slot++) {
        const ids = [a, a * 31 + slot, 7];
        shapes.set(`${a}/${slot}`, shapeOf(pool, ids, slot, `k${a % 5}`, 'string').shape);
      }
    }
    expect(new Set(shapes.values()).size).toBe(600);
    for (let a = 0; a < 200; a++) {
      for (let slot = 0; slot < 3; slot++) expect(pool.find([a, a * 31 + slot, 7], slot, `k${a % 5}`, 'string')).toBe(shapes.get(`${a}/${slot}`));
    }
  });

  it('keeps at most MAX_SHAPES_PER_HASH shapes under one hash, and still tells those apart', () => {
    const pool = new ShapePool(() => 7);
    const n = MAX_SHAPES_PER_HASH + 4;
    const made = Array.from({ length: n }, (_, a) => shapeOf(pool, [a], 0, 'app.id', 'string'));
    expect(made.every((m) => !m.found)).toBe(true);
    for (let a = 0; a < n; a++) {
      const again = pool.find([a], 0, 'app.id', 'string');
      // Those past the bound were used unshared: a span of their numbers gets a shape of its own again.
      if (a < MAX_SHAPES_PER_HASH) expect(again).toBe(made[a]!.shape);
      else expect(again).toBeUndefined();
    }
  });
});
