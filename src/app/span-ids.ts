// Span ids of the open trace's rows, cut out of the code units the worker sends them in
// (workers/page-columns.ts): only the rows drawn or asked about become strings of their own.
import type { PageColumns } from '../../workers/trace-store.ts';
import { charsOf } from './code-units.ts';

type SpanIdColumn = Pick<PageColumns, 'spanIdUnits' | 'spanIdEnds'>;

const startOf = (c: SpanIdColumn, row: number): number => (row > 0 ? c.spanIdEnds[row - 1]! : 0);

export function spanIdAt(c: SpanIdColumn, row: number): string {
  return charsOf(c.spanIdUnits, startOf(c, row), c.spanIdEnds[row]!);
}

/** The first row whose span id is `id`, or -1. */
export function rowOfSpanId(c: SpanIdColumn, id: string): number {
  return rowsOfSpanIds(c, [id]).get(id) ?? -1;
}

/** Mixes one code unit into a row's (or an id's) hash: both sides must hash alike. */
const mix = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
const HASH_SEED = 0x811c9dc5;
/** A filter key of an id's first two code units, of `length` in all (absent ones count as 0). */
const prefixOf = (length: number, u0: number, u1: number): number => ((length > 0 ? u0 & 0xff : 0) << 8) | (length > 1 ? u1 & 0xff : 0);

/**
 * The row of each of `ids` found among the rows (the first, should an id repeat), in one pass over the rows
 * whatever the number of ids: only rows of a wanted length and first two units are hashed, and only a hash match
 * is compared unit by unit. Looking each id up on its own took 1.6 s for 1,000 ids at 1M rows (node), which
 * keeping a first look's collapsed rows at a load's end can ask for; this pass takes ~4 ms for one id.
 */
export function rowsOfSpanIds(c: SpanIdColumn, ids: Iterable<string>): Map<string, number> {
  const wanted = new Set(ids);
  const byHash = new Map<number, string[]>();
  const lengths = new Uint8Array([...wanted].reduce((n, id) => Math.max(n, id.length), 0) + 1);
  const prefixes = new Uint8Array(0x10000);
  for (const id of wanted) {
    let h = HASH_SEED;
    for (let i = 0; i < id.length; i++) h = mix(h, id.charCodeAt(i));
    const same = byHash.get(h);
    if (same) same.push(id);
    else byHash.set(h, [id]);
    lengths[id.length] = 1;
    prefixes[prefixOf(id.length, id.charCodeAt(0), id.charCodeAt(1))] = 1;
  }
  const rows = new Map<string, number>();
  const ends = c.spanIdEnds;
  const units = c.spanIdUnits;
  let numLeft = wanted.size;
  for (let row = 0, start = 0; row < ends.length && numLeft > 0; start = ends[row++]!) {
    const end = ends[row]!;
    if (lengths[end - start] !== 1 || prefixes[prefixOf(end - start, units[start]!, units[start + 1]!)] === 0) continue;
    let h = HASH_SEED;
    for (let i = start; i < end; i++) h = mix(h, units[i]!);
    const same = byHash.get(h);
    if (same === undefined) continue;
    for (const id of same) {
      if (rows.has(id)) continue;
      let i = 0;
      while (i < id.length && units[start + i] === id.charCodeAt(i)) i++;
      if (i === id.length) {
        rows.set(id, row);
        numLeft--;
      }
    }
  }
  return rows;
}
