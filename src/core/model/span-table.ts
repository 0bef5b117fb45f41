// Every stored span as one row of columns (docs/columnar-model.md, step 2): times and ids in SpanColumns,
// and beside them, in the same pages, Int32 fields that number the span's trace id, name, status, context
// and place among the few distinct values a load has, and hold its kind and place. A span's attributes and
// its value of its own are one array each, by row. No object per span is kept: StoredSpan is a view of a
// row, made when a span is asked for. An object per span (~104 bytes in node, kept for as long as the
// load) was what the decoders' time went to after the wire (profiles of 100k SDK spans, 2026-12-02).
import type { SpanStatus } from './records.ts';
import type { SpanAttributes } from './one-off-attributes.ts';
import { SpanColumns } from './span-columns.ts';
import type { SpanContext } from './stored-span.ts';

/** The fields of a row (SpanColumns.field). */
const F = { TRACE: 0, NAME: 1, KIND: 2, STATUS: 3, CONTEXT: 4, PLACE_LIST: 5, PLACE_INDEX: 6, PLACE_BYTE: 7 } as const;

/**
 * Distinct values by number, in the order first seen. Consecutive rows mostly repeat a value (a trace's
 * spans come together, siblings share a place list), so the last one is checked before the map.
 */
class Numbered<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();
  private last: T | undefined;
  private lastNumber = -1;

  number(value: T): number {
    if (value === this.last) return this.lastNumber;
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
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
  readonly attributes: SpanAttributes;
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
  /** By row: most spans share a pooled list or shape, and a list of its own would be a number per span anyway. */
  private readonly attributeStores: SpanAttributes[] = [];
  private readonly ownValues: Array<string | null> = [];

  /** `pageRows` (a power of two) is for tests, which cross the columns' pages with a few rows. */
  constructor(pageRows?: number) {
    this.columns = new SpanColumns(pageRows);
  }

  get size(): number {
    return this.columns.size;
  }

  /** Fills row `row`, just pushed to `columns` (with its times and ids). */
  fill(row: number, v: RowValues): void {
    const c = this.columns;
    c.setField(row, F.TRACE, this.traceIds.number(v.traceId));
    c.setField(row, F.NAME, this.names.number(v.name));
    c.setField(row, F.KIND, v.kind);
    c.setField(row, F.STATUS, this.statuses.number(v.status));
    c.setField(row, F.CONTEXT, this.contexts.number(v.context));
    c.setField(row, F.PLACE_LIST, this.places.number(v.placeList));
    c.setField(row, F.PLACE_INDEX, v.placeIndex);
    c.setField(row, F.PLACE_BYTE, v.placeByte);
    this.attributeStores[row] = v.attributes;
    this.ownValues[row] = v.ownValue;
  }

  traceId(row: number): string {
    return this.traceIds.values[this.columns.field(row, F.TRACE)]!;
  }

  name(row: number): string {
    return this.names.values[this.columns.field(row, F.NAME)]!;
  }

  kind(row: number): number {
    return this.columns.field(row, F.KIND);
  }

  status(row: number): SpanStatus {
    return this.statuses.values[this.columns.field(row, F.STATUS)]!;
  }

  context(row: number): SpanContext {
    return this.contexts.values[this.columns.field(row, F.CONTEXT)]!;
  }

  /** Points the row at another context (a span taken before its resource and scope, EarlySink). */
  setContext(row: number, context: SpanContext): void {
    this.columns.setField(row, F.CONTEXT, this.contexts.number(context));
  }

  attributeStore(row: number): SpanAttributes {
    return this.attributeStores[row]!;
  }

  ownValue(row: number): string | null {
    return this.ownValues[row]!;
  }

  placeList(row: number): string {
    return this.places.values[this.columns.field(row, F.PLACE_LIST)]!;
  }

  placeIndex(row: number): number {
    return this.columns.field(row, F.PLACE_INDEX);
  }

  placeByte(row: number): number {
    return this.columns.field(row, F.PLACE_BYTE);
  }

  /** Forgets every row from `numRows` on (a load rolled back); their distinct values stay numbered. */
  truncate(numRows: number): void {
    this.columns.truncate(numRows);
    this.attributeStores.length = Math.min(this.attributeStores.length, numRows);
    this.ownValues.length = Math.min(this.ownValues.length, numRows);
  }

  trim(): void {
    this.columns.trim();
  }
}
