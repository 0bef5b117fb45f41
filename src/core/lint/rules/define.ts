// Small constructors so each rule module is its metadata plus its detection.
import type { Dataset, TraceModel } from '../../model/assemble.ts';
import type { KeyValue, ResourceRecord, SpanRecord } from '../../model/records.ts';
import type { DatasetRule, FindingInput, RuleContext, RuleMeta, SpanRule, TraceRule } from '../types.ts';

export function spanRule(meta: RuleMeta, check: SpanRule['check']): SpanRule {
  return { scope: 'span', meta, check };
}

export function traceRule(meta: RuleMeta, check: TraceRule['check']): TraceRule {
  return { scope: 'trace', meta, check };
}

export function datasetRule(meta: RuleMeta, check: DatasetRule['check']): DatasetRule {
  return { scope: 'dataset', meta, check };
}

/** The span at a row of a trace. */
export function spanAt(ds: Dataset, trace: TraceModel, row: number): SpanRecord {
  return ds.span(trace.spanIdx[row]!);
}

/** Reports a finding on the span at `row`. */
export function reportRow(ctx: RuleContext, trace: TraceModel, row: number, message: string, extra: { severity?: 'error' | 'warning' | 'info'; suggestion?: string } = {}): void {
  const finding: Record<string, unknown> = { traceId: trace.traceId, spanId: ctx.spanId(trace.spanIdx[row]!), row, message };
  // `{ ...literal, ...extra }` by copying keys: same keys, order and values, without V8's slow spread-into-literal path.
  for (const key of Object.keys(extra)) finding[key] = extra[key as keyof typeof extra];
  ctx.report(finding as unknown as FindingInput);
}

/** Same process: (service.name, service.instance.id, host.name) of the span's resource. */
export function processKey(ds: Dataset, span: SpanRecord): string {
  const resource = ds.resources[span.resourceIdx];
  if (resource === undefined) return processKeyOf([]);
  // Resources are immutable and shared by many spans: compute each one's key once.
  let key = processKeyCache.get(resource);
  if (key === undefined) processKeyCache.set(resource, (key = processKeyOf(resource.attributes)));
  return key;
}

const processKeyCache = new WeakMap<ResourceRecord, string>();

/** processKey(a) === processKey(b), answered without a lookup when both spans share one resource. */
export function sameProcess(ds: Dataset, a: SpanRecord, b: SpanRecord): boolean {
  return a.resourceIdx === b.resourceIdx || processKey(ds, a) === processKey(ds, b);
}

function processKeyOf(attrs: readonly KeyValue[]): string {
  const get = (k: string): string => {
    const v = attrs.find((a) => a.key === k)?.value;
    return v?.type === 'string' ? v.value : '';
  };
  return `${get('service.name')}\u0000${get('service.instance.id')}\u0000${get('host.name')}`;
}

/** Calls `visit` for every span that has a parent in its trace, with both spans and their rows. */
export function forEachChildOfParent(ctx: RuleContext, trace: TraceModel, visit: (child: SpanRecord, parent: SpanRecord, row: number, parentRow: number) => void): void {
  for (let row = 0; row < trace.numRows; row++) {
    const p = trace.parentRow[row]!;
    if (p >= 0) visit(spanAt(ctx.ds, trace, row), spanAt(ctx.ds, trace, p), row, p);
  }
}
