// Span start and end times as two 64-bit typed-array columns, one row per stored span: a bigint per time
// would be a heap object of its own (~24 bytes each, measured), the columns hold 8 bytes each. Reading a
// time gives a fresh bigint. OTLP times are unsigned 64-bit (fixed64), and text formats can give negative
// or 20-digit values: whatever does not fit in a signed 64-bit cell is kept exactly in a side map.
import type { UnixNanos } from './time.ts';

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;
/** Marks a cell whose value lives in `overflow` (MIN_I64 itself is stored there too). */
const IN_OVERFLOW = MIN_I64;

export class TimeColumns {
  private starts = new BigInt64Array(1024);
  private ends = new BigInt64Array(1024);
  private numRows = 0;
  /** Key: row * 2 for a start, row * 2 + 1 for an end. */
  private readonly overflow = new Map<number, UnixNanos>();

  get size(): number {
    return this.numRows;
  }

  /** Appends one span's times; returns its row. */
  push(startNs: UnixNanos, endNs: UnixNanos): number {
    const row = this.numRows++;
    if (row === this.starts.length) this.resize(row * 2);
    this.starts[row] = this.cell(row * 2, startNs);
    this.ends[row] = this.cell(row * 2 + 1, endNs);
    return row;
  }

  start(row: number): UnixNanos {
    const v = this.starts[row]!;
    return v === IN_OVERFLOW ? this.overflow.get(row * 2)! : v;
  }

  end(row: number): UnixNanos {
    const v = this.ends[row]!;
    return v === IN_OVERFLOW ? this.overflow.get(row * 2 + 1)! : v;
  }

  /** Forgets every row from `numRows` on (a load rolled back). */
  truncate(numRows: number): void {
    for (const key of this.overflow.keys()) if (key >= numRows * 2) this.overflow.delete(key);
    this.numRows = Math.min(this.numRows, numRows);
  }

  /** Gives back the room kept for growth (up to half the columns) once a load is done. */
  trim(): void {
    if (this.starts.length > this.numRows) this.resize(Math.max(this.numRows, 1));
  }

  private cell(key: number, ns: UnixNanos): bigint {
    if (ns > MIN_I64 && ns <= MAX_I64) return ns;
    this.overflow.set(key, ns);
    return IN_OVERFLOW;
  }

  private resize(capacity: number): void {
    const starts = new BigInt64Array(capacity);
    const ends = new BigInt64Array(capacity);
    starts.set(this.starts.subarray(0, this.numRows));
    ends.set(this.ends.subarray(0, this.numRows));
    this.starts = starts;
    this.ends = ends;
  }
}
