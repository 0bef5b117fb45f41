// What assembly (assemble.ts, assemble-trace.ts) reads of each span: its trace, times, service and the
// row flags it gives itself. For the builder's spans these are read from the table's columns and its
// numbered values (span-table.ts): no view per span, and each distinct status and context is tested once,
// not once per span. On its own this did not measurably speed a load's assembly (2026-12-03: ~90 ms at 100k
// spans either way, most of it V8 compiling again, see warm/keep-shapes.ts); with maps kept it takes 40–55 ms.
import { Quirk, StatusCode, type SpanRecord } from './records.ts';
import { tableRows, type SpanSource } from './span-source.ts';
import type { SpanTable } from './span-table.ts';
import { RowFlag } from './trace-model.ts';
import type { UnixNanos } from './time.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

export interface AssemblyReads {
  readonly numSpans: number;
  traceId(spanIdx: number): string;
  /**
   * A number equal for spans of equal trace ids (and mostly unequal otherwise): a pass that groups spans by
   * trace tests the trace id string only when this number changes or is new.
   */
  traceNumber(spanIdx: number): number;
  startNs(spanIdx: number): UnixNanos;
  endNs(spanIdx: number): UnixNanos;
  resourceIdx(spanIdx: number): number;
  /** The RowFlag bits the span gives itself: ERROR, NOT_ENDED, HAS_LINKS. */
  ownFlags(spanIdx: number): number;
}

export function assemblyReads(spans: SpanSource): AssemblyReads {
  const table = tableRows(spans);
  return table ? new TableReads(table) : new RecordReads(spans);
}

function recordFlags(s: Pick<SpanRecord, 'status' | 'endNs' | 'quirks' | 'links'>): number {
  let f = 0;
  if (s.status.code === StatusCode.ERROR) f |= RowFlag.ERROR;
  if (s.endNs === 0n && !(s.quirks & Quirk.NO_TIMES)) f |= RowFlag.NOT_ENDED;
  if (s.links.length > 0) f |= RowFlag.HAS_LINKS;
  return f;
}

/** Spans given as records (tests, a comparison's subset): each read through the record. */
class RecordReads implements AssemblyReads {
  readonly numSpans: number;
  private readonly numbers = new Map<string, number>();
  private lastId: string | undefined;
  private lastNumber = -1;

  constructor(private readonly spans: SpanSource) {
    this.numSpans = spans.numSpans;
    shapeOf(this);
  }

  traceId(spanIdx: number): string {
    return this.spans.span(spanIdx).traceId;
  }

  traceNumber(spanIdx: number): number {
    const id = this.traceId(spanIdx);
    if (id === this.lastId) return this.lastNumber;
    let n = this.numbers.get(id);
    if (n === undefined) this.numbers.set(id, (n = this.numbers.size));
    this.lastId = id;
    return (this.lastNumber = n);
  }

  startNs(spanIdx: number): UnixNanos {
    return this.spans.span(spanIdx).startNs;
  }

  endNs(spanIdx: number): UnixNanos {
    return this.spans.span(spanIdx).endNs;
  }

  resourceIdx(spanIdx: number): number {
    return this.spans.span(spanIdx).resourceIdx;
  }

  ownFlags(spanIdx: number): number {
    return recordFlags(this.spans.span(spanIdx));
  }
}

/** The builder's rows, read from the columns; what a status or context gives is kept by its number. */
class TableReads implements AssemblyReads {
  readonly numSpans: number;
  /** By status number: RowFlag.ERROR or 0; -1 until first read. */
  private readonly statusFlags: Int8Array;
  /** By context number: HAS_LINKS, plus NO_TIMES_BIT when its quirks say the format has no times; -1 until read. */
  private readonly contextFlags: Int16Array;

  constructor(private readonly table: SpanTable) {
    this.numSpans = table.size;
    const numbered = table.numbered;
    this.statusFlags = new Int8Array(numbered.statuses).fill(-1);
    this.contextFlags = new Int16Array(numbered.contexts).fill(-1);
    shapeOf(this);
  }

  traceId(spanIdx: number): string {
    return this.table.traceId(spanIdx);
  }

  traceNumber(spanIdx: number): number {
    return this.table.traceNumber(spanIdx);
  }

  startNs(spanIdx: number): UnixNanos {
    return this.table.columns.start(spanIdx);
  }

  endNs(spanIdx: number): UnixNanos {
    return this.table.columns.end(spanIdx);
  }

  resourceIdx(spanIdx: number): number {
    return this.table.context(spanIdx).resourceIdx;
  }

  ownFlags(spanIdx: number): number {
    const table = this.table;
    const s = table.statusNumber(spanIdx);
    let f = this.statusFlags[s]!;
    if (f < 0) this.statusFlags[s] = f = table.statusAt(s).code === StatusCode.ERROR ? RowFlag.ERROR : 0;
    const c = table.contextNumber(spanIdx);
    let cf = this.contextFlags[c]!;
    if (cf < 0) {
      const context = table.contextAt(c);
      this.contextFlags[c] = cf = (context.links.length > 0 ? RowFlag.HAS_LINKS : 0) | (context.quirks & Quirk.NO_TIMES ? NO_TIMES_BIT : 0);
    }
    if (!(cf & NO_TIMES_BIT) && table.columns.end(spanIdx) === 0n) f |= RowFlag.NOT_ENDED;
    return f | (cf & ~NO_TIMES_BIT);
  }
}

/** A bit no RowFlag uses, for a context whose format carries no times (Quirk.NO_TIMES). */
const NO_TIMES_BIT = 1 << 14;
