// Span attributes kept as the bytes their input encoded them in, decoded when they are asked for (issue #7,
// item 2). A decoder hands the sink a run of bytes and the codec that reads it (SpanSink.encodeAttributes);
// the bytes are copied here, so the input can be dropped, and a span's row holds the handle. Measured on
// 100k SDK spans with a value of their own each as OTLP/protobuf (2026-12-03, scratch, median of 7):
// decoding and pooling every attribute at load was more than half of the load (582 ms, 247 ms with no
// attribute read at all); keeping the runs as bytes, checked first (proto-attributes.ts), 524 → 358 ms.
// OTLP/JSON's scanner keeps such lists the same way, as compact runs of its own (json-attribute-run.ts).
// Reading a span's attributes decodes its run again. Lint reads one span's attributes once per rule, so the
// lists decoded last are kept in a small cache by handle.
import type { KeyValue } from './records.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** Reads a span's attributes back from the bytes its decoder handed over. */
export interface AttributeCodec {
  /** Never throws for bytes its decoder handed over (the decoder checks them first). */
  decode(bytes: Uint8Array, start: number, end: number): KeyValue[];
  /**
   * Whether some attribute's key or value text, lowercased, contains `needle` (lowercase), read from the
   * bytes without decoding the list; undefined when the bytes hold what this cannot tell (the caller then
   * decodes). A search's direct pass over a million rows asks this of every row.
   */
  holds?(bytes: Uint8Array, start: number, end: number, needle: string): boolean | undefined;
}

/** A handle is page << pageBits | offset, the offset in a page below 2^pageBits (1 MiB by default). */
const PAGE_BITS = 20;
const FIRST_PAGE_BYTES = 4096;
/** Decoded lists kept, by handle (a power of two). */
const CACHE_SIZE = 1024;

export class EncodedAttributes {
  private readonly pages: Uint8Array[] = [];
  /** Bytes used of the last page. */
  private used = 0;
  private readonly codecs: AttributeCodec[] = [];
  private lastCodec = 0;
  private readonly cachedHandles = new Int32Array(CACHE_SIZE).fill(-1);
  private readonly cachedLists: Array<readonly KeyValue[]> = new Array<readonly KeyValue[]>(CACHE_SIZE);
  private readonly pageBytes: number;
  private entryCodec = 0;
  private entryStart = 0;
  private entryEnd = 0;
  /** Handles stay below 2^31, so a row keeps one in an Int32 field (span-table.ts). */
  private readonly maxPages: number;

  /** `pageBits` is for tests, which cross pages with a few bytes. */
  constructor(private readonly pageBits = PAGE_BITS) {
    this.pageBytes = 1 << pageBits;
    this.maxPages = 1 << (31 - pageBits);
    shapeOf(this);
  }

  /** Bytes held, outside the JS heap. */
  get byteLength(): number {
    let n = 0;
    for (const page of this.pages) n += page.byteLength;
    return n;
  }

  /**
   * A handle (0 or more) of a copy of `buf[start, end)`, which `codec` decodes when asked for; -1 when the
   * store is full (2 GiB), and the caller decodes the bytes now.
   */
  add(codec: AttributeCodec, buf: Uint8Array, start: number, end: number): number {
    // Every span of an input comes with its input's codec: the last one is checked before the list.
    let codecIdx = this.codecs[this.lastCodec] === codec ? this.lastCodec : this.codecs.indexOf(codec);
    if (codecIdx < 0) {
      if (this.codecs.length === 256) return -1;
      codecIdx = this.codecs.push(codec) - 1;
    }
    this.lastCodec = codecIdx;
    const length = end - start;
    const need = 1 + varintSize(length) + length;
    const page = this.room(need);
    if (page < 0) return -1;
    const bytes = this.pages[page]!;
    const handle = (page << this.pageBits) | this.used;
    let at = this.used;
    bytes[at++] = codecIdx;
    for (let v = length; ; v >>>= 7) {
      if (v < 0x80) {
        bytes[at++] = v;
        break;
      }
      bytes[at++] = (v & 0x7f) | 0x80;
    }
    copyBytes(bytes, at, buf, start, end);
    this.used += need;
    return handle;
  }

  /** The attributes `handle` holds: the same list while it stays in the cache (lists are read-only). */
  decode(handle: number): readonly KeyValue[] {
    const slot = (handle ^ (handle >>> 10)) & (CACHE_SIZE - 1);
    if (this.cachedHandles[slot] === handle) return this.cachedLists[slot]!;
    const bytes = this.open(handle);
    const list = this.codecs[this.entryCodec]!.decode(bytes, this.entryStart, this.entryEnd);
    this.cachedHandles[slot] = handle;
    this.cachedLists[slot] = list;
    return list;
  }

  /** AttributeCodec.holds of the run `handle` holds: undefined when its codec cannot tell. */
  holds(handle: number, needle: string): boolean | undefined {
    const bytes = this.open(handle);
    return this.codecs[this.entryCodec]!.holds?.(bytes, this.entryStart, this.entryEnd, needle);
  }

  /** The page of the run `handle` holds, its codec and bounds in `entryCodec`, `entryStart`, `entryEnd`. */
  private open(handle: number): Uint8Array {
    const bytes = this.pages[handle >>> this.pageBits]!;
    let at = handle & (this.pageBytes - 1);
    this.entryCodec = bytes[at++]!;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++]!;
      length += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    this.entryStart = at;
    this.entryEnd = at + length;
    return bytes;
  }

  /** Where the next run goes, for `truncate`: the last page's number times 2^32, plus the bytes used of it. */
  mark(): number {
    return Math.max(this.pages.length - 1, 0) * 2 ** 32 + this.used;
  }

  /**
   * Forgets every run added since `mark` was taken (a load rolled back): their handles are not used again
   * until new runs reuse their bytes, and the decoded lists kept for them are dropped.
   */
  truncate(mark: number): void {
    const page = Math.floor(mark / 2 ** 32);
    if (this.pages.length > page + 1) this.pages.length = page + 1;
    this.used = mark - page * 2 ** 32;
    this.cachedHandles.fill(-1);
  }

  /** Gives back the last page's unused room; later runs start a new page. */
  trim(): void {
    const last = this.pages.length - 1;
    if (last < 0 || this.used === this.pages[last]!.length) return;
    this.pages[last] = this.pages[last]!.slice(0, this.used);
  }

  /**
   * The page that has `need` bytes free after `used` (the last one, grown up to a page's size by doubling, or
   * a new one; a run longer than a page gets a page of its own size), or -1 when no page is left.
   */
  private room(need: number): number {
    const pageBytes = this.pageBytes;
    const first = Math.min(FIRST_PAGE_BYTES, pageBytes);
    const last = this.pages.length - 1;
    const page = this.pages[last];
    // A handle holds the offset a run starts at, which must stay below pageBytes.
    if (page !== undefined && this.used < pageBytes && this.used + need <= page.length) return last;
    if (page !== undefined && page.length < pageBytes && this.used + need <= pageBytes) {
      let size = Math.max(page.length * 2, first);
      while (size < this.used + need) size *= 2;
      size = Math.min(size, pageBytes);
      const bigger = new Uint8Array(size);
      bigger.set(page.subarray(0, this.used));
      this.pages[last] = bigger;
      return last;
    }
    if (this.pages.length === this.maxPages) return -1;
    const size = need > pageBytes ? need : page === undefined ? Math.max(first, 2 ** Math.ceil(Math.log2(need))) : pageBytes;
    this.pages.push(new Uint8Array(size));
    this.used = 0;
    return this.pages.length - 1;
  }
}

/**
 * Copies `from[start, end)` into `to` at `at`; returns the index after it. Runs and literals are mostly short:
 * a loop, where set() would make a subarray of the input for each.
 */
export function copyBytes(to: Uint8Array, at: number, from: Uint8Array, start: number, end: number): number {
  if (end - start > 256) {
    to.set(from.subarray(start, end), at);
    return at + end - start;
  }
  for (let i = start; i < end; i++) to[at++] = from[i]!;
  return at;
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}
