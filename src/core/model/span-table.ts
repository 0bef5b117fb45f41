// Every stored span as one row of columns (docs/columnar-model.md, step 2): times and ids in SpanColumns,
// and beside them, in the same pages, Int32 fields that number the span's trace id, name, status, context,
// place list and attributes (a pooled list or shape, intern.ts) among the distinct values of a load, and
// hold its kind and place. A span's value of its own is in an array by row; an attribute list kept as its
// input's bytes (encoded-attributes.ts) is a handle in the attributes field. No object per span is kept:
// StoredSpan is a view of a row, made when a span is asked for (an object per span was ~104 bytes in node,
// kept for as long as the load). Passes over many rows test each numbered value once (search.ts).
import type { KeyValue, SpanStatus } from './records.ts';
import type { SpanAttributes } from './one-off-attributes.ts';
import { NUM_FIELDS, SpanColumns } from './span-columns.ts';
import type { SpanContext } from './stored-span.ts';
import { EncodedAttributes } from './encoded-attributes.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** The fields of a row (SpanColumns.field). */
const F = { TRACE: 0, NAME: 1, KIND: 2, STATUS: 3, CONTEXT: 4, PLACE_LIST: 5, PLACE_INDEX: 6, PLACE_BYTE: 7, ATTRIBUTES: 8 } as const;

/**
 * Marks a kind or place number that is not a 32-bit integer (a kind of 2.5 or 2^40 from a malformed input,
 * a byte offset past 2 GiB): the value is kept exactly in a side map. The marker itself is kept there too.
 */
const ODD = -(2 ** 31);

/** Distinct values a Numbered finds by value; later ones are numbered anew each time they come. */
const MAX_MAPPED = 1 << 16;

/**
 * Distinct values by number, in the order first seen. Consecutive rows mostly repeat a value (a trace's
 * spans come together, siblings share a place list), so the last one is checked before the map. The map
 * is bounded (MAX_MAPPED): values that never repeat (a span's own attribute list, unique names) would
 * otherwise each cost an entry; past the bound an equal value may get a second number, which only makes a
 * pass that tests each number test that value twice.
 */
class Numbered<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();
  private last: T | undefined;
  private lastNumber = -1;

  constructor() {
    shapeOf(this);
  }

  number(value: T): number {
    if (value === this.last) return this.lastNumber;
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      if (this.numbers.size < MAX_MAPPED) this.numbers.set(value, n);
    }
    this.last = value;
    this.lastNumber = n;
    return n;
  }
}

/** What a row is made from (the builder's view of a SpanInput, its shared values already pooled). */
export interface RowValues {
  readonly traceId: string;
  readonly name: string;
  readonly kind: number;
  readonly status: SpanStatus;
  readonly context: SpanContext;
  /** A list or shape, or a handle into the table's `encoded` attributes (decoded when asked for). */
  readonly attributes: SpanAttributes | number;
  readonly ownValue: string | null;
  /** The list path of a SpanPlace, or the whole place text when `placeIndex` is -1. */
  readonly placeList: string;
  readonly placeIndex: number;
  readonly placeByte: number;
}

export class SpanTable {
  /** Times, ids and the fields below, one row per span. */
  readonly columns: SpanColumns;
  private readonly traceIds = new Numbered<string>();
  private readonly names = new Numbered<string>();
  private readonly statuses = new Numbered<SpanStatus>();
  private readonly contexts = new Numbered<SpanContext>();
  private readonly places = new Numbered<string>();
  /** Lists and shapes: most spans share a pooled one (intern.ts). */
  private readonly attributeStores = new Numbered<SpanAttributes>();
  /**
   * Attributes kept as their input's bytes (SpanSink.encodeAttributes). A row holding one has -1 - handle
   * in its attributes field.
   */
  readonly encoded = new EncodedAttributes();
  /** Every encoded row's list decoded while a pass holds them (`holdDecoded`), by row. */
  private held: Array<readonly KeyValue[] | undefined> | undefined;
  private numHolds = 0;
  /** By row. */
  private readonly ownValues: Array<string | null> = [];
  /** Kinds and place numbers that are not 32-bit integers (see ODD). Key: row * NUM_FIELDS + field. */
  private readonly odd = new Map<number, number>();

  /** `pageRows` (a power of two) is for tests, which cross the columns' pages with a few rows. */
  constructor(pageRows?: number) {
    this.columns = new SpanColumns(pageRows);
    shapeOf(this);
  }

  get size(): number {
    return this.columns.size;
  }

  /** Fills row `row`, just pushed to `columns` (with its times and ids). */
  fill(row: number, v: RowValues): void {
    const c = this.columns;
    c.setField(row, F.TRACE, this.traceIds.number(v.traceId));
    c.setField(row, F.NAME, this.names.number(v.name));
    this.setNumber(row, F.KIND, v.kind);
    c.setField(row, F.STATUS, this.statuses.number(v.status));
    c.setField(row, F.CONTEXT, this.contexts.number(v.context));
    c.setField(row, F.PLACE_LIST, this.places.number(v.placeList));
    this.setNumber(row, F.PLACE_INDEX, v.placeIndex);
    this.setNumber(row, F.PLACE_BYTE, v.placeByte);
    const a = v.attributes;
    c.setField(row, F.ATTRIBUTES, typeof a === 'number' ? -1 - a : this.attributeStores.number(a));
    this.ownValues[row] = v.ownValue;
  }

  /**
   * The number of the row's name, status, context or attributes among the load's distinct ones (`nameAt`,
   * `statusAt`, `contextAt`, `attributesAt` give them): a pass over many rows tests each distinct value
   * once. An attributes number below 0 is a row whose attributes are kept encoded (`attributeStore`
   * decodes them).
   */
  nameNumber(row: number): number {
    return this.columns.field(row, F.NAME);
  }

  statusNumber(row: number): number {
    return this.columns.field(row, F.STATUS);
  }

  contextNumber(row: number): number {
    return this.columns.field(row, F.CONTEXT);
  }

  attributesNumber(row: number): number {
    return this.columns.field(row, F.ATTRIBUTES);
  }

  /** How many names, statuses, contexts and attribute stores the rows number (memo sizes for a pass). */
  get numbered(): { readonly names: number; readonly statuses: number; readonly contexts: number; readonly attributes: number } {
    return { names: this.names.values.length, statuses: this.statuses.values.length, contexts: this.contexts.values.length, attributes: this.attributeStores.values.length };
  }

  attributesAt(n: number): SpanAttributes {
    return this.attributeStores.values[n]!;
  }

  nameAt(n: number): string {
    return this.names.values[n]!;
  }

  statusAt(n: number): SpanStatus {
    return this.statuses.values[n]!;
  }

  contextAt(n: number): SpanContext {
    return this.contexts.values[n]!;
  }

  traceId(row: number): string {
    return this.traceIds.values[this.columns.field(row, F.TRACE)]!;
  }

  /** The number of the row's trace id: rows of equal numbers have equal ids (equal ids may have two numbers, see Numbered). */
  traceNumber(row: number): number {
    return this.columns.field(row, F.TRACE);
  }

  name(row: number): string {
    return this.nameAt(this.columns.field(row, F.NAME));
  }

  kind(row: number): number {
    return this.number(row, F.KIND);
  }

  status(row: number): SpanStatus {
    return this.statusAt(this.columns.field(row, F.STATUS));
  }

  context(row: number): SpanContext {
    return this.contextAt(this.columns.field(row, F.CONTEXT));
  }

  /** Points the row at another context (a span taken before its resource and scope, EarlySink). */
  setContext(row: number, context: SpanContext): void {
    this.columns.setField(row, F.CONTEXT, this.contexts.number(context));
  }

  attributeStore(row: number): SpanAttributes {
    const n = this.columns.field(row, F.ATTRIBUTES);
    if (n >= 0) return this.attributesAt(n);
    const held = this.held;
    if (held === undefined) return this.encoded.decode(-1 - n);
    return (held[row] ??= this.encoded.decode(-1 - n));
  }

  /**
   * Whether some attribute of an encoded row has `needle` (lowercase) in its key or value text, read from
   * its bytes (AttributeCodec.holds); undefined when the codec cannot tell, or the row is not encoded.
   */
  encodedHolds(row: number, needle: string): boolean | undefined {
    const n = this.columns.field(row, F.ATTRIBUTES);
    return n < 0 ? this.encoded.holds(-1 - n, needle) : undefined;
  }

  /** Whether the row's attributes are kept as their input's bytes (`encoded`). */
  isEncoded(row: number): boolean {
    return this.columns.field(row, F.ATTRIBUTES) < 0;
  }

  /**
   * Keeps every encoded row's list decoded from now until the returned function is called. Lint reads spans
   * in several passes (span rules, then trace and dataset rules), and without this decoded each span's
   * attributes 5.4 times (100k SDK spans with values of their own): it holds the lists for its run instead,
   * as the model held them all before attributes were kept as bytes.
   */
  holdDecoded(): () => void {
    if (this.encoded.byteLength === 0) return () => {}; // no row is encoded: nothing to hold
    this.numHolds++;
    this.held ??= new Array<readonly KeyValue[] | undefined>(this.size);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.numHolds === 0) this.held = undefined;
    };
  }

  ownValue(row: number): string | null {
    return this.ownValues[row]!;
  }

  placeList(row: number): string {
    return this.places.values[this.columns.field(row, F.PLACE_LIST)]!;
  }

  placeIndex(row: number): number {
    return this.number(row, F.PLACE_INDEX);
  }

  placeByte(row: number): number {
    return this.number(row, F.PLACE_BYTE);
  }

  private setNumber(row: number, f: number, value: number): void {
    const key = row * NUM_FIELDS + f;
    if ((value | 0) === value && value !== ODD && !Object.is(value, -0)) {
      this.columns.setField(row, f, value);
      if (this.odd.size > 0) this.odd.delete(key);
    } else {
      this.columns.setField(row, f, ODD);
      this.odd.set(key, value);
    }
  }

  private number(row: number, f: number): number {
    const v = this.columns.field(row, f);
    return v === ODD ? this.odd.get(row * NUM_FIELDS + f)! : v;
  }

  /**
   * Forgets every row from `numRows` on (a load rolled back); their distinct values stay numbered. `encodedMark`
   * (EncodedAttributes.mark, taken with `numRows`) drops the attributes they kept as bytes too.
   */
  truncate(numRows: number, encodedMark?: number): void {
    this.columns.truncate(numRows);
    if (encodedMark !== undefined) this.encoded.truncate(encodedMark);
    for (const key of this.odd.keys()) if (key >= numRows * NUM_FIELDS) this.odd.delete(key);
    this.ownValues.length = Math.min(this.ownValues.length, numRows);
    if (this.held !== undefined) this.held.length = Math.min(this.held.length, numRows);
  }

  trim(): void {
    this.columns.trim();
    this.encoded.trim();
  }
}
