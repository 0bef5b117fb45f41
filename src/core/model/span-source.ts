// Spans by index, however they are kept: the builder's table (span-table.ts), whose spans are views made
// when asked for, or a list of records (tests, a comparison's subset, a load's preview).
import type { SpanRecord } from './records.ts';
import type { SpanTable } from './span-table.ts';

export interface SpanSource {
  readonly numSpans: number;
  /** The span at `spanIdx`, below numSpans. */
  span(spanIdx: number): SpanRecord;
  /** The table whose rows the spans are (the builder's), for passes that read its columns. */
  readonly table?: SpanTable;
}

export function listSource(spans: readonly SpanRecord[]): SpanSource {
  return { numSpans: spans.length, span: (spanIdx) => spans[spanIdx]! };
}

/** The table whose rows are exactly `spans` (the builder's spans), for passes that read its columns; else undefined. */
export function tableRows(spans: SpanSource): SpanTable | undefined {
  const table = spans.table;
  return table !== undefined && table.size === spans.numSpans ? table : undefined;
}
