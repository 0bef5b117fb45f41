// Spans by index, however they are kept: the builder's table (span-table.ts), whose spans are views made
// when asked for, or a list of records (tests, a comparison's subset, a load's preview).
import type { SpanRecord } from './records.ts';

export interface SpanSource {
  readonly numSpans: number;
  /** The span at `spanIdx`, below numSpans. */
  span(spanIdx: number): SpanRecord;
}

export function listSource(spans: readonly SpanRecord[]): SpanSource {
  return { numSpans: spans.length, span: (spanIdx) => spans[spanIdx]! };
}
