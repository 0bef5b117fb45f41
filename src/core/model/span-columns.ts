// A span's start and end times and its span and parent ids as typed-array columns, one row per stored span.
// Times: a bigint per time would be a heap object of its own (~24 bytes each, measured), the columns hold 8
// bytes each. Reading a time gives a fresh bigint. OTLP times are unsigned 64-bit (fixed64), and text
// formats can give negative or 20-digit values: whatever does not fit in a signed 64-bit cell is kept exactly
// in a side map.
// Ids: an 8-byte id (16 lowercase hex digits, the form decoders give a well-formed id) is two 32-bit words,
// high word first; its text is formed when asked. A string per span id made at load was a third of the
// OTLP/protobuf walker's time (100k SDK spans, measured). An id of any other form (empty, odd length, not
// hex: kept as the input held it, for the linter) is kept as its string in a side map.
// Fields: Int32s per row in the same pages, which the span table (span-table.ts) gives their meaning.
import type { UnixNanos } from './time.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;
/** Marks a cell whose value lives in `overflow` (MIN_I64 itself is stored there too). */
const IN_OVERFLOW = MIN_I64;

/** Rows per page of the columns: 512 KiB of each time column. */
const PAGE_ROWS = 1 << 16;

/** How a row holds its span id (bits 0-1) and its parent id (bits 2-3). */
export const IdForm = { NONE: 0, WORDS: 1, TEXT: 2 } as const;
export type IdForm = (typeof IdForm)[keyof typeof IdForm];

/** Words per row in the id column: span id high, low, parent id high, low. */
const ID_WORDS = 4;

/** Int32 fields per row that the span table (span-table.ts) numbers and reads with `field` and `setField`. */
export const NUM_FIELDS = 9;

/** Bytes a row takes in the columns, outside the JS heap: two times, the id words, the id forms, the fields. */
export const BYTES_PER_ROW = 8 + 8 + ID_WORDS * 4 + 1 + NUM_FIELDS * 4;

/**
 * The columns are pages of PAGE_ROWS rows, filled one after another: growing one array by doubling copied
 * every row again into new memory (and trimming it once more), 347 ms of a 1M-span load's worker profile.
 * Only a last page not yet full grows (from 1,024 rows, doubling up to a page) or is trimmed.
 */
export class SpanColumns {
  private readonly starts: BigInt64Array[] = [new BigInt64Array(1024)];
  private readonly ends: BigInt64Array[] = [new BigInt64Array(1024)];
  private readonly ids: Int32Array[] = [new Int32Array(1024 * ID_WORDS)];
  private readonly forms: Uint8Array[] = [new Uint8Array(1024)];
  private readonly fields: Int32Array[] = [new Int32Array(1024 * NUM_FIELDS)];
  private readonly pageBits: number;
  private readonly pageMask: number;
  private numRows = 0;
  /** Key: row * 2 for a start, row * 2 + 1 for an end. */
  private readonly overflow = new Map<number, UnixNanos>();
  /** Ids of TEXT form. Key: row * 2 for a span id, row * 2 + 1 for a parent id. */
  private readonly texts = new Map<number, string>();
  /** The words parseWordId reads an id's text into. */
  private readonly parsed = new Int32Array(2);

  /** `pageRows` (a power of two) is for tests, which cross pages with a few rows. */
  constructor(pageRows = PAGE_ROWS) {
    this.pageBits = Math.log2(pageRows);
    this.pageMask = pageRows - 1;
    shapeOf(this);
  }

  get size(): number {
    return this.numRows;
  }

  /** Appends one span's times, with no ids yet (see setSpanId, setParentId); returns its row. */
  push(startNs: UnixNanos, endNs: UnixNanos): number {
    const row = this.numRows;
    const page = row >>> this.pageBits;
    const at = row & this.pageMask;
    if (page === this.starts.length) {
      const rows = this.pageMask + 1;
      this.starts.push(new BigInt64Array(rows));
      this.ends.push(new BigInt64Array(rows));
      this.ids.push(new Int32Array(rows * ID_WORDS));
      this.forms.push(new Uint8Array(rows));
      this.fields.push(new Int32Array(rows * NUM_FIELDS));
    } else if (at === this.starts[page]!.length) this.resizePage(page, Math.min(at * 2, this.pageMask + 1));
    this.numRows = row + 1;
    this.starts[page]![at] = this.cell(row * 2, startNs);
    this.ends[page]![at] = this.cell(row * 2 + 1, endNs);
    this.forms[page]![at] = 0;
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

  /** Sets the row's span id from its two words (an 8-byte id, high word first). */
  setSpanWords(row: number, hi: number, lo: number): void {
    this.setWords(row, 0, hi, lo);
  }

  setParentWords(row: number, hi: number, lo: number): void {
    this.setWords(row, 2, hi, lo);
  }

  /** Sets the row's span id from its text: 16 lowercase hex digits are kept as words, anything else as is. */
  setSpanId(row: number, id: string): void {
    this.setText(row, 0, id);
  }

  /** As setSpanId; '' is no parent. */
  setParentId(row: number, id: string): void {
    this.setText(row, 2, id);
  }

  /** How the row holds its span id (which = 0) or parent id (which = 2). */
  form(row: number, which: 0 | 2): IdForm {
    return ((this.forms[row >>> this.pageBits]![row & this.pageMask]! >> which) & 3) as IdForm;
  }

  /** Field `f` (below NUM_FIELDS) of the row: 0 until set. */
  field(row: number, f: number): number {
    return this.fields[row >>> this.pageBits]![(row & this.pageMask) * NUM_FIELDS + f]!;
  }

  setField(row: number, f: number, value: number): void {
    this.fields[row >>> this.pageBits]![(row & this.pageMask) * NUM_FIELDS + f] = value;
  }

  /** Word `w` of the row's ids: 0, 1 the span id's high and low words, 2, 3 the parent id's. */
  word(row: number, w: number): number {
    return this.ids[row >>> this.pageBits]![(row & this.pageMask) * ID_WORDS + w]!;
  }

  spanId(row: number): string {
    return this.idText(row, 0);
  }

  parentId(row: number): string {
    return this.idText(row, 2);
  }

  /** Forgets every row from `numRows` on (a load rolled back). */
  truncate(numRows: number): void {
    for (const key of this.overflow.keys()) if (key >= numRows * 2) this.overflow.delete(key);
    for (const key of this.texts.keys()) if (key >= numRows * 2) this.texts.delete(key);
    this.numRows = Math.min(this.numRows, numRows);
  }

  /** Gives back the room kept for growth once a load is done: the pages after the last row, and its page's rest. */
  trim(): void {
    const lastPage = this.numRows === 0 ? 0 : (this.numRows - 1) >>> this.pageBits;
    for (const pages of [this.starts, this.ends, this.ids, this.forms, this.fields]) pages.length = lastPage + 1;
    const used = this.numRows - (lastPage << this.pageBits);
    if (this.starts[lastPage]!.length > used) this.resizePage(lastPage, Math.max(used, 1));
  }

  private setWords(row: number, which: 0 | 2, hi: number, lo: number): void {
    const page = row >>> this.pageBits;
    const at = row & this.pageMask;
    const ids = this.ids[page]!;
    ids[at * ID_WORDS + which] = hi;
    ids[at * ID_WORDS + which + 1] = lo;
    const forms = this.forms[page]!;
    forms[at] = (forms[at]! & ~(3 << which)) | (IdForm.WORDS << which);
    this.texts.delete(row * 2 + (which >> 1));
  }

  private setText(row: number, which: 0 | 2, id: string): void {
    const words = this.parsed;
    const form = parseWordId(id, words, 0);
    if (form === IdForm.WORDS) return this.setWords(row, which, words[0]!, words[1]!);
    const forms = this.forms[row >>> this.pageBits]!;
    const at = row & this.pageMask;
    const key = row * 2 + (which >> 1);
    forms[at] = (forms[at]! & ~(3 << which)) | (form << which);
    if (form === IdForm.NONE) this.texts.delete(key);
    else this.texts.set(key, id);
  }

  private idText(row: number, which: 0 | 2): string {
    const form = this.form(row, which);
    if (form === IdForm.WORDS) return wordsHex(this.word(row, which), this.word(row, which + 1));
    return form === IdForm.NONE ? '' : this.texts.get(row * 2 + (which >> 1))!;
  }

  private cell(key: number, ns: UnixNanos): bigint {
    if (ns > MIN_I64 && ns <= MAX_I64) return ns;
    this.overflow.set(key, ns);
    return IN_OVERFLOW;
  }

  /** Gives page `page` room for `capacity` rows, keeping its rows (all rows from the page's first on). */
  private resizePage(page: number, capacity: number): void {
    const used = Math.min(this.numRows - (page << this.pageBits), capacity);
    this.starts[page] = resized(this.starts[page]!, new BigInt64Array(capacity), used);
    this.ends[page] = resized(this.ends[page]!, new BigInt64Array(capacity), used);
    this.ids[page] = resized(this.ids[page]!, new Int32Array(capacity * ID_WORDS), used * ID_WORDS);
    this.forms[page] = resized(this.forms[page]!, new Uint8Array(capacity), used);
    this.fields[page] = resized(this.fields[page]!, new Int32Array(capacity * NUM_FIELDS), used * NUM_FIELDS);
  }
}

function resized<A extends BigInt64Array | Int32Array | Uint8Array>(from: A, to: A, used: number): A {
  to.set(from.subarray(0, used) as never);
  return to;
}

/** A lowercase hex digit's value by char code; -1 for anything else (upper case is not the decoders' form). */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let c = 0; c < 16; c++) HEX_VALUE['0123456789abcdef'.charCodeAt(c)] = c;

/** The 32-bit word of the 8 lowercase hex digits of `s` from `at`, or null when one is not such a digit. */
function hexWord(s: string, at: number): number | null {
  let word = 0;
  for (let i = at; i < at + 8; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? HEX_VALUE[c]! : -1;
    if (v < 0) return null;
    word = (word << 4) | v;
  }
  return word;
}

/**
 * The form an id's text is kept in: NONE for '', WORDS for 16 lowercase hex digits (its two words then
 * written to `words[at]`, `words[at + 1]`), TEXT for anything else.
 */
export function parseWordId(id: string, words: Int32Array, at: number): IdForm {
  if (id === '') return IdForm.NONE;
  if (id.length !== 16) return IdForm.TEXT;
  const hi = hexWord(id, 0);
  const lo = hexWord(id, 8);
  if (hi === null || lo === null) return IdForm.TEXT;
  words[at] = hi;
  words[at + 1] = lo;
  return IdForm.WORDS;
}

const HEX = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));

/** The 16 lowercase hex digits of an 8-byte id given as two words, as one flat string (one call). */
export function wordsHex(hi: number, lo: number): string {
  const h = HEX;
  return String.fromCharCode(
    h[(hi >>> 28) & 15]!, h[(hi >>> 24) & 15]!, h[(hi >>> 20) & 15]!, h[(hi >>> 16) & 15]!, h[(hi >>> 12) & 15]!, h[(hi >>> 8) & 15]!, h[(hi >>> 4) & 15]!, h[hi & 15]!,
    h[(lo >>> 28) & 15]!, h[(lo >>> 24) & 15]!, h[(lo >>> 20) & 15]!, h[(lo >>> 16) & 15]!, h[(lo >>> 12) & 15]!, h[(lo >>> 8) & 15]!, h[(lo >>> 4) & 15]!, h[lo & 15]!,
  );
}

/** The 16 lowercase hex digits of an id's words into `out` from `at`, as character codes (no string made). */
export function writeWordsHex(hi: number, lo: number, out: Uint8Array, at: number): void {
  for (let k = 0; k < 8; k++) {
    out[at + k] = HEX[(hi >>> (28 - 4 * k)) & 15]!;
    out[at + 8 + k] = HEX[(lo >>> (28 - 4 * k)) & 15]!;
  }
}
