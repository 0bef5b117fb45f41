// A stored span as the consumers see it: a view of its row in the builder's SpanTable (span-table.ts),
// made when the span is asked for and holding nothing but the table and the row. What most spans of a load
// have in common (trace state, flags, dropped counts, no events or links, resource, scope, input, quirks)
// lives in one shared SpanContext; where the span was read is kept as parts and its text formed when
// asked; times and ids are typed-array columns (span-columns.ts: an id's text is formed when asked).
// Measured with `npm run bench` (resident memory): a plain 21-field record cost ~190 bytes of object, a
// ~60-character place string and two bigints per span; an object per span holding the columns' row was
// ~104 bytes of object and 33 bytes of columns (2026-12-02).
// Consumers see the SpanRecord interface only, so plain records (tests, hand-built) work the same.
import type { KeyValue, SpanEvent, SpanLink, SpanRecord, SpanStatus } from './records.ts';
import { placeText } from './records.ts';
import type { UnixNanos } from './time.ts';
import { IdForm, parseWordId, writeWordsHex } from './span-columns.ts';
import { OneOffShape, type SpanAttributes } from './one-off-attributes.ts';
import type { SpanTable } from './span-table.ts';

/** What spans of one load mostly share; interned by the builder (see SpanContextPool). */
export interface SpanContext {
  readonly traceState: string;
  readonly flags: number | null;
  readonly droppedAttributesCount: number | null;
  readonly droppedEventsCount: number | null;
  readonly droppedLinksCount: number | null;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly resourceIdx: number;
  readonly scopeIdx: number;
  readonly inputIdx: number;
  readonly quirks: number;
}

export class StoredSpan implements SpanRecord {
  constructor(
    readonly table: SpanTable,
    /** The span's row in the table. */
    readonly row: number,
  ) {}

  get traceId(): string {
    return this.table.traceId(this.row);
  }

  get name(): string {
    return this.table.name(this.row);
  }

  get kind(): number {
    return this.table.kind(this.row);
  }

  get status(): SpanStatus {
    return this.table.status(this.row);
  }

  get context(): SpanContext {
    return this.table.context(this.row);
  }

  /** Read through `attributes`: a list, or the shape `ownValue` completes (one-off-attributes.ts). */
  get attributeStore(): SpanAttributes {
    return this.table.attributeStore(this.row);
  }

  /** The value of its own when `attributeStore` is a shape; else null. */
  get ownValue(): string | null {
    return this.table.ownValue(this.row);
  }

  get attributes(): readonly KeyValue[] {
    const store = this.attributeStore;
    return store instanceof OneOffShape ? store.list(this.ownValue!) : store;
  }

  get spanId(): string {
    return this.table.columns.spanId(this.row);
  }

  get parentSpanId(): string {
    return this.table.columns.parentId(this.row);
  }

  get startNs(): UnixNanos {
    return this.table.columns.start(this.row);
  }

  get endNs(): UnixNanos {
    return this.table.columns.end(this.row);
  }

  get where(): string {
    const { table, row } = this;
    const index = table.placeIndex(row);
    return index < 0 ? table.placeList(row) : placeText(table.placeList(row), index, table.placeByte(row));
  }

  get traceState(): string {
    return this.context.traceState;
  }

  get flags(): number | null {
    return this.context.flags;
  }

  get droppedAttributesCount(): number | null {
    return this.context.droppedAttributesCount;
  }

  get events(): readonly SpanEvent[] {
    return this.context.events;
  }

  get droppedEventsCount(): number | null {
    return this.context.droppedEventsCount;
  }

  get links(): readonly SpanLink[] {
    return this.context.links;
  }

  get droppedLinksCount(): number | null {
    return this.context.droppedLinksCount;
  }

  get resourceIdx(): number {
    return this.context.resourceIdx;
  }

  get scopeIdx(): number {
    return this.context.scopeIdx;
  }

  get inputIdx(): number {
    return this.context.inputIdx;
  }

  get quirks(): number {
    return this.context.quirks;
  }

  /** The plain record, field for field (JSON.stringify would otherwise see the storage, not the span). */
  toJSON(): SpanRecord {
    return {
      traceId: this.traceId, spanId: this.spanId, parentSpanId: this.parentSpanId, traceState: this.traceState,
      flags: this.flags, name: this.name, kind: this.kind, startNs: this.startNs, endNs: this.endNs,
      attributes: this.attributes, droppedAttributesCount: this.droppedAttributesCount, events: this.events,
      droppedEventsCount: this.droppedEventsCount, links: this.links, droppedLinksCount: this.droppedLinksCount,
      status: this.status, resourceIdx: this.resourceIdx, scopeIdx: this.scopeIdx, inputIdx: this.inputIdx,
      where: this.where, quirks: this.quirks,
    };
  }
}

/** Lowercase hex (or ''), the form decoders give well-formed ids (records.ts SpanRecord.spanId). */
export function isLowerHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Whether each of the span's ids is 16 lowercase hex digits or '', the form the builder keeps as words; for a
 * stored span read from the columns, no text formed.
 */
export function hasWordIds(s: SpanRecord): boolean {
  if (s instanceof StoredSpan) {
    const columns = s.table.columns;
    return columns.form(s.row, 0) !== IdForm.TEXT && columns.form(s.row, 2) !== IdForm.TEXT;
  }
  return isWordId(s.spanId) && isWordId(s.parentSpanId);
}

/** The words parseWordId writes (unread here: only the form is wanted). */
const parsed = new Int32Array(2);

function isWordId(id: string): boolean {
  return parseWordId(id, parsed, 0) !== IdForm.TEXT;
}

const SPACE = 0x20;
/**
 * Writes the span's id (`which` 0) or parent id (2) as 16 hex digits into `out` from `at`, spaces for none;
 * the span must have word ids (hasWordIds). A stored span's are written from its words, no text formed.
 */
export function writeWordId(s: SpanRecord, which: 0 | 2, out: Uint8Array, at: number): void {
  if (s instanceof StoredSpan) {
    const columns = s.table.columns;
    if (columns.form(s.row, which) === IdForm.NONE) out.fill(SPACE, at, at + 16);
    else writeWordsHex(columns.word(s.row, which), columns.word(s.row, which + 1), out, at);
    return;
  }
  const id = which === 0 ? s.spanId : s.parentSpanId;
  if (id === '') out.fill(SPACE, at, at + 16);
  else for (let k = 0; k < 16; k++) out[at + k] = id.charCodeAt(k);
}
