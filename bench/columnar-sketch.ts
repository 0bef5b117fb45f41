// A sketch of issue #7's columnar model, timed beside the app's decode: after the protobuf floor's skim
// (proto-floor.ts), the spans are assembled in columns as `core/model/assemble.ts` assembles objects: trace
// ids interned to trace numbers, each span's parent found by its id within its trace, siblings ordered by
// start, and each trace's rows laid out depth-first with their depth; span names interned by their bytes.
// It makes one string per distinct name and nothing per span; times are doubles, so siblings that start
// within ~256 ns of each other may be ordered otherwise than by the model's exact nanoseconds. It leaves out what the model also holds
// (resources, scopes, statuses' messages, attribute values, events, links, ids as text) and every check of
// malformed input; its rows are compared with the model's on every bench run (`sameRows`). The point is the
// figure: what the model costs when it is columns and the decoders make nothing per span (the app's table,
// core/model/span-table.ts, is columns too, but its decoders still hand it a record per span and pool
// every attribute).
import { BytePool } from '../src/core/decode/byte-pool.ts';
import { textAt } from '../src/core/decode/otlp/proto-wire.ts';
import type { Dataset } from '../src/core/model/assemble.ts';
import { RowColumns, skimRows } from './proto-floor.ts';

export interface ColumnarRows {
  readonly numTraces: number;
  /** Row r of all traces, trace after trace: the span's index in the columns. */
  readonly order: Uint32Array;
  /** Each span's depth in its trace (0 for a root). */
  readonly depth: Uint16Array;
  /** Trace t's rows are order[traceFirstRow[t], traceFirstRow[t + 1]). */
  readonly traceFirstRow: Uint32Array;
  readonly nameIdx: Uint32Array;
  readonly names: readonly string[];
  readonly cols: RowColumns;
}

/** Skims `bytes` (one OTLP/protobuf message of at most `capacity` spans) and assembles its rows. */
export function columnarRows(bytes: Uint8Array, capacity: number): ColumnarRows {
  const cols = new RowColumns(capacity);
  const n = Math.min(capacity, skimRows(bytes, cols));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { traceOf, numTraces } = internTraceIds(view, cols, n);
  const parent = parentRows(cols, traceOf, n);
  const order = new Uint32Array(n);
  const depth = new Uint16Array(n);
  const traceFirstRow = layOut(cols.startNs, parent, traceOf, numTraces, order, depth);
  const { nameIdx, names } = internNames(bytes, cols, n);
  return { numTraces, order, depth, traceFirstRow, nameIdx, names, cols };
}

const mix = (a: number, b: number): number => (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ (a >>> 15)) >>> 0;

/** An open-addressing table of 2^k slots, at least twice `n`, empty (-1). */
const slotsFor = (n: number): Int32Array => new Int32Array(2 ** Math.ceil(Math.log2(Math.max(16, n * 2)))).fill(-1);

/** Each span's trace number, by its 16-byte trace id (read as four words at its offset). */
function internTraceIds(view: DataView, cols: RowColumns, n: number): { traceOf: Uint32Array; numTraces: number } {
  const slots = slotsFor(n);
  const mask = slots.length - 1;
  const traceOf = new Uint32Array(n);
  const firstAt: number[] = [];
  const word = (at: number, w: number): number => view.getUint32(at + 4 * w, true);
  for (let i = 0; i < n; i++) {
    const at = cols.traceIdAt[i]! + 1; // after the length byte
    for (let s = mix(word(at, 0) ^ word(at, 2), word(at, 1) ^ word(at, 3)) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e < 0) {
        slots[s] = traceOf[i] = firstAt.length;
        firstAt.push(at);
        break;
      }
      const o = firstAt[e]!;
      if (word(o, 0) === word(at, 0) && word(o, 1) === word(at, 1) && word(o, 2) === word(at, 2) && word(o, 3) === word(at, 3)) {
        traceOf[i] = e;
        break;
      }
    }
  }
  return { traceOf, numTraces: firstAt.length };
}

/** Each span's parent row (-1: a root, or its parent is not loaded), found by id within the span's trace. */
function parentRows(cols: RowColumns, traceOf: Uint32Array, n: number): Int32Array {
  const slots = slotsFor(n);
  const mask = slots.length - 1;
  for (let i = 0; i < n; i++) {
    let s = mix(cols.spanIdLo[i]!, cols.spanIdHi[i]!) & mask;
    while (slots[s]! >= 0) s = (s + 1) & mask;
    slots[s] = i;
  }
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const lo = cols.parentLo[i]!;
    const hi = cols.parentHi[i]!;
    if (lo === 0 && hi === 0) continue;
    for (let s = mix(lo, hi) & mask, e = slots[s]!; e >= 0; s = (s + 1) & mask, e = slots[s]!) {
      if (cols.spanIdLo[e] === lo && cols.spanIdHi[e] === hi && traceOf[e] === traceOf[i]) {
        parent[i] = e;
        break;
      }
    }
  }
  return parent;
}

/** `groups[from[g], from[g + 1])` holds the members of group g (key(i) < 0: in none), each ordered by start. */
function grouped(n: number, numGroups: number, key: (i: number) => number, startNs: Float64Array): { from: Uint32Array; groups: Uint32Array } {
  const from = new Uint32Array(numGroups + 1);
  for (let i = 0; i < n; i++) if (key(i) >= 0) from[key(i) + 1]! += 1;
  for (let g = 0; g < numGroups; g++) from[g + 1]! += from[g]!;
  const next = from.slice(0, numGroups);
  const groups = new Uint32Array(from[numGroups]!);
  for (let i = 0; i < n; i++) if (key(i) >= 0) groups[next[key(i)]!++] = i;
  for (let g = 0; g < numGroups; g++) if (from[g + 1]! - from[g]! > 1) groups.subarray(from[g], from[g + 1]).sort((a, b) => startNs[a]! - startNs[b]!);
  return { from, groups };
}

/** Lays each trace's rows out depth-first from its roots, children by start; gives each trace's first row. */
function layOut(startNs: Float64Array, parent: Int32Array, traceOf: Uint32Array, numTraces: number, order: Uint32Array, depth: Uint16Array): Uint32Array {
  const n = parent.length;
  const children = grouped(n, n, (i) => parent[i]!, startNs);
  const roots = grouped(n, numTraces, (i) => (parent[i]! < 0 ? traceOf[i]! : -1), startNs);
  const traceFirstRow = new Uint32Array(numTraces + 1);
  const stack = new Uint32Array(n);
  let row = 0;
  for (let t = 0; t < numTraces; t++) {
    traceFirstRow[t] = row;
    for (let k = roots.from[t]!; k < roots.from[t + 1]!; k++) {
      let top = 0;
      stack[top++] = roots.groups[k]!;
      depth[roots.groups[k]!] = 0;
      while (top > 0) {
        const span = stack[--top]!;
        order[row++] = span;
        for (let c = children.from[span + 1]! - 1; c >= children.from[span]!; c--) {
          depth[children.groups[c]!] = depth[span]! + 1;
          stack[top++] = children.groups[c]!;
        }
      }
    }
  }
  traceFirstRow[numTraces] = row;
  return traceFirstRow;
}

/** Each span's name as an index into one string per distinct name, interned by its bytes as the decoders do. */
function internNames(bytes: Uint8Array, cols: RowColumns, n: number): { nameIdx: Uint32Array; names: string[] } {
  const pool = new BytePool<number>();
  const nameIdx = new Uint32Array(n);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const start = cols.nameAt[i]! + 1; // a sketch: names under 128 bytes (one length byte)
    const end = start + bytes[start - 1]!;
    const hash = pool.hash(bytes, start, end);
    let idx = pool.get(bytes, start, end, hash);
    if (idx === undefined) {
      idx = names.push(textAt(bytes, start, end)) - 1;
      pool.set(bytes, start, end, idx, hash);
    }
    nameIdx[i] = idx;
  }
  return { nameIdx, names };
}

/** An 8-byte span id held as two little-endian words, as the model's lowercase hex. */
function idHex(lo: number, hi: number): string {
  const bytes = new Uint8Array(new Uint32Array([lo, hi]).buffer);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether the sketch's rows are the model's: for every trace (found by its first row's span id), each row's
 * span id and depth, in order.
 */
export function sameRows(sketch: ColumnarRows, ds: Dataset): boolean {
  const model = new Map<string, string>();
  for (const t of ds.traces) {
    const rows = Array.from(t.spanIdx.subarray(0, t.numRows), (s, r) => `${ds.span(s).spanId} ${t.depth[r]}`);
    model.set(rows[0]!, rows.join(','));
  }
  if (model.size !== sketch.numTraces) return false;
  const { cols } = sketch;
  for (let t = 0; t < sketch.numTraces; t++) {
    const order = sketch.order.subarray(sketch.traceFirstRow[t], sketch.traceFirstRow[t + 1]);
    const rows = Array.from(order, (s) => `${idHex(cols.spanIdLo[s]!, cols.spanIdHi[s]!)} ${sketch.depth[s]}`);
    if (model.get(rows[0]!) !== rows.join(',')) return false;
  }
  return true;
}
