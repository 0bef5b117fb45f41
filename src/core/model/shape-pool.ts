// The builder's one-off shapes (one-off-attributes.ts), found by numbers: a span with a value of its own asks
// for its shape once, and at 100k spans each with one (`npm run bench`, unique values) a key string formed of
// the shared KeyValues' numbers, the slot, the type and the key cost a join, a concatenation and a string
// hash per span. Here the numbers are mixed into an integer and a shape is told apart by comparing them.
import { OneOffShape } from './one-off-attributes.ts';

/** Bounds the pool and its keys, so a hostile input of ever new shapes or keys cannot grow it without end. */
const MAX_SHAPES = 1 << 20;
/**
 * Shapes kept under one hash at most: numbers crafted to mix to one hash would otherwise make each look-up
 * compare against every shape before it (as MAX_PROBES bounds the id pools' slot tables, slot-table.ts).
 */
export const MAX_SHAPES_PER_HASH = 8;

type OneOffType = OneOffShape['type'];

/** A shape with the numbers it was found by. */
interface Entry {
  readonly shape: OneOffShape;
  readonly ids: readonly number[];
  readonly slot: number;
  readonly keyNum: number;
  readonly type: OneOffType;
}

export class ShapePool {
  /** Keys of one-off values, numbered (few: a load has a handful of keys whose values are its spans' own). */
  private readonly keyNums = new Map<string, number>();
  /** Entries by hash; a hash two shapes share holds both, in the order they came. */
  private readonly byHash = new Map<number, Entry | Entry[]>();
  private size = 0;

  private lastHash = 0;
  private lastKeyNum = 0;

  /** `hashOf`: how the numbers are mixed (tests give one that mixes every shape to one hash). */
  constructor(private readonly hashOf: (ids: readonly number[], slot: number, keyNum: number) => number = shapeHash) {}

  /**
   * The shape of a list whose shared KeyValues are numbered `ids` and whose value of its own, of `type`
   * under `key`, sits at `slot`; undefined when there is none yet (then `add` it: the look-up is remembered).
   */
  find(ids: readonly number[], slot: number, key: string, type: OneOffType): OneOffShape | undefined {
    let keyNum = this.keyNums.get(key);
    if (keyNum === undefined) {
      if (this.keyNums.size >= MAX_SHAPES) return this.unkept();
      this.keyNums.set(key, (keyNum = this.keyNums.size));
    }
    const hash = this.hashOf(ids, slot, keyNum);
    this.lastHash = hash;
    this.lastKeyNum = keyNum;
    const found = this.byHash.get(hash);
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return sameEntry(found, ids, slot, keyNum, type) ? found.shape : undefined;
    for (const e of found) if (sameEntry(e, ids, slot, keyNum, type)) return e.shape;
    return undefined;
  }

  /**
   * Keeps `shape` for the numbers of the last `find`, which missed; a full pool, or a hash holding
   * MAX_SHAPES_PER_HASH shapes already, keeps nothing (the shape is used all the same, unshared).
   */
  add(shape: OneOffShape, ids: readonly number[]): void {
    if (this.size >= MAX_SHAPES || this.lastKeyNum < 0) return;
    const entry: Entry = { shape, ids, slot: shape.slot, keyNum: this.lastKeyNum, type: shape.type };
    const found = this.byHash.get(this.lastHash);
    if (found === undefined) this.byHash.set(this.lastHash, entry);
    else if (!Array.isArray(found)) this.byHash.set(this.lastHash, [found, entry]);
    else if (found.length < MAX_SHAPES_PER_HASH) found.push(entry);
    else return;
    this.size++;
  }

  /** A miss whose shape `add` will not keep (a key past the pool's bound). */
  private unkept(): undefined {
    this.lastKeyNum = -1;
    return undefined;
  }
}

function sameEntry(e: Entry, ids: readonly number[], slot: number, keyNum: number, type: OneOffType): boolean {
  if (e.slot !== slot || e.keyNum !== keyNum || e.type !== type || e.ids.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (e.ids[i] !== ids[i]) return false;
  return true;
}

/** Mixes the numbers a shape is found by (murmur3's multiply-xorshift steps); the type is left to the compare. */
function shapeHash(ids: readonly number[], slot: number, keyNum: number): number {
  let h = Math.imul(slot + 1, 0x9e3779b1) ^ Math.imul(keyNum + 1, 0x85ebca6b);
  for (let i = 0; i < ids.length; i++) {
    h = Math.imul(h ^ ids[i]!, 0xcc9e2d51);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
