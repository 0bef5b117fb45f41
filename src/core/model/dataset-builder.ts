// Accumulates records from every loaded input. Files loaded together merge: the spans of one trace spread
// over several services' dumps meet here and are assembled into one trace.
import type {
  DecodeIssue,
  EarlySink,
  KeyValue,
  ResourceRecord,
  ScopeRecord,
  SinkMark,
  SpanInput,
} from './records.ts';
import { anyValueText } from './records.ts';
import { StoredSpan, type SpanContext } from './stored-span.ts';
import { SpanTable } from './span-table.ts';
import { oneOffText, OneOffShape } from './one-off-attributes.ts';
import { InternPool } from './intern.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** The format names are a contract (CLI JSON `format`): add, never rename. */
export type FormatName = string;

export interface InputReport {
  readonly file: string;
  format: FormatName;
  spans: number;
  readonly errors: DecodeIssue[];
  /** Issues beyond the kept ones are counted, not stored, so a hostile file cannot exhaust memory. */
  numIssuesDropped: number;
  /** Bytes read (after decompression). */
  bytes: number;
  /** Set when one input mixed several formats (a paste of two exporters' output): spans per format. */
  parts?: Array<{ format: FormatName; spans: number }>;
}

const MAX_ISSUES_PER_INPUT = 500;

export class DatasetBuilder {
  readonly resources: ResourceRecord[] = [];
  readonly scopes: ScopeRecord[] = [];
  readonly inputs: InputReport[] = [];
  private readonly resourceKeys = new Map<string, number>();
  /** Repeated strings and attributes, shared (see intern.ts); emptied after each load by `releasePool`. */
  private pool = new InternPool();
  private readonly scopeKeys = new Map<string, number>();
  /** Every span, as a row (see span-table.ts). */
  readonly table = new SpanTable();
  private readonly columns = this.table.columns;

  constructor() {
    shapeOf(this);
  }

  get numSpans(): number {
    return this.table.size;
  }

  /** A view of span `spanIdx` (below numSpans). */
  span(spanIdx: number): StoredSpan {
    return new StoredSpan(this.table, spanIdx);
  }

  /** Every span, each a view made now: for tests and small loads; code that visits many spans uses `span`. */
  get spans(): StoredSpan[] {
    return Array.from({ length: this.numSpans }, (_, i) => this.span(i));
  }

  /** Starts an input; what its decoder reports goes into the returned report. */
  beginInput(file: string): { sink: EarlySink; report: InputReport } {
    const inputIdx = this.inputs.length;
    const report: InputReport = { file, format: 'unknown', spans: 0, errors: [], numIssuesDropped: 0, bytes: 0 };
    this.inputs.push(report);
    const sink: EarlySink = {
      addResource: (r) => this.intern(this.resources, this.resourceKeys, resourceKey(r), r),
      addScope: (s) => this.intern(this.scopes, this.scopeKeys, scopeKey(s), s),
      addSpan: (span, shared = false) => {
        const pool = this.pool;
        // Every span is one row of the table, with what spans share kept once (see span-table.ts and intern.ts).
        const where = span.where;
        const traceState = shared ? span.traceState : pool.string(span.traceState);
        const context = pool.lastContext(span, traceState, inputIdx) ?? pool.context({
          traceState,
          flags: span.flags,
          droppedAttributesCount: span.droppedAttributesCount,
          droppedEventsCount: span.droppedEventsCount,
          droppedLinksCount: span.droppedLinksCount,
          events: pool.events(span.events),
          links: pool.links(span.links),
          resourceIdx: span.resourceIdx,
          scopeIdx: span.scopeIdx,
          inputIdx,
          quirks: span.quirks,
        });
        const attributes = span.encodedAttributes ?? pool.spanAttributes(span.attributes, shared);
        this.table.fill(this.row(span), {
          traceId: shared ? span.traceId : pool.string(span.traceId),
          name: shared ? span.name : pool.string(span.name),
          kind: span.kind,
          status: pool.status(span.status),
          context,
          attributes,
          ownValue: attributes instanceof OneOffShape ? oneOffText(span.attributes[attributes.slot]!.value) : null,
          placeList: typeof where === 'string' ? where : where.list,
          placeIndex: typeof where === 'string' ? -1 : where.index,
          placeByte: typeof where === 'string' ? -1 : where.byte,
        });
        report.spans++;
      },
      issue: (issue) => {
        if (report.errors.length < MAX_ISSUES_PER_INPUT) report.errors.push(issue);
        else report.numIssuesDropped++;
      },
      shareKeyValue: (kv) => this.pool.sharedKeyValue(kv),
      reuseKeyValue: (kv) => this.pool.reusedKeyValue(kv),
      shareAttributes: (list) => this.pool.sharedList(list),
      encodeAttributes: (codec, buf, start, end) => this.table.encoded.add(codec, buf, start, end),
      part: (format, spans) => void (report.parts ??= []).push({ format, spans }),
      mark: () => ({ spans: this.numSpans, resources: this.resources.length, scopes: this.scopes.length, encoded: this.table.encoded.mark() }),
      rollback: (mark) => {
        report.spans -= this.numSpans - mark.spans;
        this.rollback(mark);
      },
      placeSpans: (from, to, resourceIdx, scopeIdx) => this.placeSpans(from, to, resourceIdx, scopeIdx),
      forgetRecords: (list, from) => (list === 'resources' ? forgetFrom(this.resources, this.resourceKeys, from) : forgetFrom(this.scopes, this.scopeKeys, from)),
    };
    return { sink, report };
  }

  /** A new row of the columns holding the span's times and ids. */
  private row(span: SpanInput): number {
    const columns = this.columns;
    const row = columns.push(span.startNs, span.endNs);
    if (span.spanIdHi === undefined) columns.setSpanId(row, span.spanId);
    else columns.setSpanWords(row, span.spanIdHi, span.spanIdLo!);
    if (span.parentIdHi === undefined) columns.setParentId(row, span.parentSpanId);
    else columns.setParentWords(row, span.parentIdHi, span.parentIdLo!);
    return row;
  }

  /** Drops the sharing pools (the shared values stay with their spans); the next input starts new ones. */
  releasePool(): void {
    this.pool = new InternPool();
    this.table.trim();
  }

  private rollback(mark: SinkMark): void {
    this.table.truncate(mark.spans, mark.encoded);
    forgetFrom(this.resources, this.resourceKeys, mark.resources);
    forgetFrom(this.scopes, this.scopeKeys, mark.scopes);
  }

  /** Points spans taken before their resource and scope (EarlySink) at them: their contexts are pooled anew. */
  private placeSpans(from: number, to: number, resourceIdx: number, scopeIdx: number): void {
    const placed = new Map<SpanContext, SpanContext>();
    for (let i = from; i < to; i++) {
      const early = this.table.context(i);
      let context = placed.get(early);
      if (context === undefined) {
        context = this.pool.context({ ...early, resourceIdx, scopeIdx });
        placed.set(early, context);
      }
      this.table.setContext(i, context);
    }
  }

  private intern<T>(list: T[], keys: Map<string, number>, key: string, value: T): number {
    const found = keys.get(key);
    if (found !== undefined) return found;
    list.push(value);
    keys.set(key, list.length - 1);
    return list.length - 1;
  }
}

/** Drops the interned values from index `length` on, with their keys. */
function forgetFrom<T>(list: T[], keys: Map<string, number>, length: number): void {
  if (list.length === length) return;
  list.length = length;
  for (const [key, idx] of keys) if (idx >= length) keys.delete(key);
}

function kvKey(attributes: readonly KeyValue[]): string {
  return attributes.map((kv) => `${kv.key}\u0000${kv.value.type}\u0000${anyValueText(kv.value)}`).join('\u0001');
}

function resourceKey(r: ResourceRecord): string {
  return `${r.schemaUrl}\u0002${r.droppedAttributesCount}\u0002${kvKey(r.attributes)}`;
}

function scopeKey(s: ScopeRecord): string {
  return `${s.name}\u0002${s.version}\u0002${s.schemaUrl}\u0002${s.droppedAttributesCount}\u0002${kvKey(s.attributes)}`;
}
