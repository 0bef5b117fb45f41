// Span start and end times as two 64-bit typed-array columns, one row per stored span: a bigint per time
// would be a heap object of its own (~24 bytes each, measured), the columns hold 8 bytes each. Reading a
// time gives a fresh bigint. OTLP times are unsigned 64-bit (fixed64), and text formats can give negative
// or 20-digit values: whatever does not fit in a signed 64-bit cell is kept exactly in a side map.
import type { UnixNanos } from './time.ts';

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;
/** Marks a cell whose value lives in `overflow` (MIN_I64 itself is stored there too). */
const IN_OVERFLOW = MIN_I64;

/** Rows per page of the columns: 512 KiB of each column. */
const PAGE_ROWS = 1 << 16;

/**
 * The columns are pages of PAGE_ROWS rows, filled one after another: growing one array by doubling copied
 * every row again into new memory (and trimming it once more), 347 ms of a 1M-span load's worker profile.
 * Only a last page not yet full grows (from 1,024 rows, doubling up to a page) or is trimmed.
 */
export class TimeColumns {
  private readonly starts: BigInt64Array[] = [new BigInt64Array(1024)];
  private readonly ends: BigInt64Array[] = [new BigInt64Array(1024)];
  private readonly pageBits: number;
  private readonly pageMask: number;
  private numRows = 0;
  /** Key: row * 2 for a start, row * 2 + 1 for an end. */
  private readonly overflow = new Map<number, UnixNanos>();

  /** `pageRows` (a power of two) is for tests, which cross pages with a few rows. */
  constructor(pageRows = PAGE_ROWS) {
    this.pageBits = Math.log2(pageRows);
    this.pageMask = pageRows - 1;
  }

  get size(): number {
    return this.numRows;
  }

  /** Appends one span's times; returns its row. */
  push(startNs: UnixNanos, endNs: UnixNanos): number {
    const row = this.numRows;
    const page = row >>> this.pageBits;
    const at = row & this.pageMask;
    if (page === this.starts.length) {
      this.starts.push(new BigInt64Array(this.pageMask + 1));
      this.ends.push(new BigInt64Array(this.pageMask + 1));
    } else if (at === this.starts[page]!.length) this.resizePage(page, Math.min(at * 2, this.pageMask + 1));
    this.numRows = row + 1;
    this.starts[page]![at] = this.cell(row * 2, startNs);
    this.ends[page]![at] = this.cell(row * 2 + 1, endNs);
    return row;
  }

  start(row: number): UnixNanos {
    const v = this.starts[row >>> this.pageBits]![row & this.pageMask]!;
    return v === IN_OVERFLOW ? this.overflow.get(row * 2)! : v;
  }

  end(row: number): UnixNanos {
    const v = this.ends[row >>> this.pageBits]![row & this.pageMask]!;
    return v === IN_OVERFLOW ? this.overflow.get(row * 2 + 1)! : v;
  }

  /** Forgets every row from `numRows` on (a load rolled back). */
  truncate(numRows: number): void {
    for (const key of this.overflow.keys()) if (key >= numRows * 2) this.overflow.delete(key);
    this.numRows = Math.min(this.numRows, numRows);
  }

  /** Gives back the room kept for growth once a load is done: the pages after the last row, and its page's rest. */
  trim(): void {
    const lastPage = this.numRows === 0 ? 0 : (this.numRows - 1) >>> this.pageBits;
    this.starts.length = lastPage + 1;
    this.ends.length = lastPage + 1;
    const used = this.numRows - (lastPage << this.pageBits);
    if (this.starts[lastPage]!.length > used) this.resizePage(lastPage, Math.max(used, 1));
  }

  private cell(key: number, ns: UnixNanos): bigint {
    if (ns > MIN_I64 && ns <= MAX_I64) return ns;
    this.overflow.set(key, ns);
    return IN_OVERFLOW;
  }

  /** Gives page `page` room for `capacity` rows, keeping its rows (all rows from the page's first on). */
  private resizePage(page: number, capacity: number): void {
    const used = Math.min(this.numRows - (page << this.pageBits), capacity);
    for (const pages of [this.starts, this.ends]) {
      const bigger = new BigInt64Array(capacity);
      bigger.set(pages[page]!.subarray(0, used));
      pages[page] = bigger;
    }
  }
}
