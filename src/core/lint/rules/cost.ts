// Cost rules: data that is expensive to store and view (../shared/RULES.md, cost family).
import { reportRow, traceRule } from './define.ts';

export const traceTooLarge = traceRule({
  id: 'trace-too-large', category: 'cost', severity: 'warning',
  learn: 'Huge traces are slow to store and view.',
  why: 'Traces with many thousands of spans are slow to ingest, query and display (Honeycomb shows at most 32,000). They usually come from loops instrumented span by span or long-running jobs kept in one trace; aggregate the loop into one span with counts, or split the job into linked traces.',
  source: 'Honeycomb',
}, (trace, ctx) => {
  const max = ctx.threshold('maxSpans', 10_000);
  if (trace.numRows > max) ctx.report({ traceId: trace.traceId, spanId: '', message: `${trace.numRows.toLocaleString('en-US')} spans (more than ${max.toLocaleString('en-US')})` });
});

export const duplicateExport = traceRule({
  id: 'duplicate-export', category: 'cost', severity: 'info',
  learn: 'The span was exported twice (two pipelines).',
  why: 'The same span (same ids and times) arrived more than once. Either two exporters or pipelines send it, or the same file was loaded twice. Backends store and bill each copy; remove the duplicate path.',
  source: 'Jaeger dedupe',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    const copies = trace.copies[row]!;
    if (copies > 0) reportRow(ctx, trace, row, `seen ${copies + 1} times`);
  }
});

export const COST_RULES = [traceTooLarge, duplicateExport];
