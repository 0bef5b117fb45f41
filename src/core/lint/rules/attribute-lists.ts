// The attribute collections a span-scoped rule looks at: the span's own (span, events, links) and the
// resource and scope it shares with other spans. Shared collections are checked once per trace, on the
// first row that uses them, so a resource with one bad key gives one finding per trace, not one per span.
import type { Dataset, TraceModel } from '../../model/assemble.ts';
import type { KeyValue, SpanRecord } from '../../model/records.ts';

export type Level = 'span' | 'event' | 'link' | 'resource' | 'scope';

export interface AttributeList {
  readonly level: Level;
  /** How a message names the collection: `span`, `event "exception"`, `resource`… */
  readonly label: string;
  readonly attributes: readonly KeyValue[];
}

export function ownLists(span: SpanRecord): AttributeList[] {
  const out: AttributeList[] = [{ level: 'span', label: 'span', attributes: span.attributes }];
  pushEventsAndLinks(span, out);
  return out;
}

// Pushes instead of spreading mapped copies: this runs for every span in several rules.
function pushEventsAndLinks(span: SpanRecord, out: AttributeList[]): void {
  for (const e of span.events) out.push({ level: 'event', label: `event "${e.name}"`, attributes: e.attributes });
  for (const l of span.links) out.push({ level: 'link', label: `link to ${l.spanId}`, attributes: l.attributes });
}

interface FirstRows {
  readonly resource: ReadonlyMap<number, number>;
  readonly scope: ReadonlyMap<number, number>;
  /** `resourceIdx/scopeIdx` → first row: one OTLP ScopeSpans (resources and scopes are interned apart). */
  readonly pair: ReadonlyMap<string, number>;
}

// Derived from the (immutable) trace only, so caching it never changes an answer.
const firstRowsCache = new WeakMap<TraceModel, FirstRows>();

function firstRows(ds: Dataset, trace: TraceModel): FirstRows {
  let hit = firstRowsCache.get(trace);
  if (!hit) {
    const resource = new Map<number, number>();
    const scope = new Map<number, number>();
    const pair = new Map<string, number>();
    for (let row = 0; row < trace.numRows; row++) {
      const span = ds.span(trace.spanIdx[row]!);
      if (!resource.has(span.resourceIdx)) resource.set(span.resourceIdx, row);
      if (!scope.has(span.scopeIdx)) scope.set(span.scopeIdx, row);
      const key = `${span.resourceIdx}/${span.scopeIdx}`;
      if (!pair.has(key)) pair.set(key, row);
    }
    firstRowsCache.set(trace, (hit = { resource, scope, pair }));
  }
  return hit;
}

/** True on the first row of `trace` whose span has this span's resource. */
export function firstWithResource(ds: Dataset, trace: TraceModel, row: number, span: SpanRecord): boolean {
  return firstRows(ds, trace).resource.get(span.resourceIdx) === row;
}

/** True on the first row of `trace` whose span has this span's resource and scope together. */
export function firstWithResourceAndScope(ds: Dataset, trace: TraceModel, row: number, span: SpanRecord): boolean {
  return firstRows(ds, trace).pair.get(`${span.resourceIdx}/${span.scopeIdx}`) === row;
}

/** The resource and scope collections, when this row is the first in its trace to use them. */
export function sharedLists(ds: Dataset, trace: TraceModel, row: number, span: SpanRecord): AttributeList[] {
  return pushShared(ds, trace, row, span, []);
}

function pushShared(ds: Dataset, trace: TraceModel, row: number, span: SpanRecord, out: AttributeList[]): AttributeList[] {
  const first = firstRows(ds, trace);
  if (first.resource.get(span.resourceIdx) === row) out.push({ level: 'resource', label: 'resource', attributes: ds.resources[span.resourceIdx]?.attributes ?? [] });
  if (first.scope.get(span.scopeIdx) === row) out.push({ level: 'scope', label: 'scope', attributes: ds.scopes[span.scopeIdx]?.attributes ?? [] });
  return out;
}

// The engine runs every span rule on one span before the next, and nine rules ask for the same lists:
// remember the last answer (callers only read it). A trace belongs to one dataset (as in firstRowsCache), so
// the dataset is not part of the key, and holding no dataset here keeps a replaced one collectable.
let last: { trace: TraceModel; row: number; span: SpanRecord; lists: readonly AttributeList[] } | undefined;

/** Every collection this row is responsible for. */
export function allLists(ds: Dataset, trace: TraceModel, row: number, span: SpanRecord): readonly AttributeList[] {
  if (last !== undefined && last.span === span && last.row === row && last.trace === trace) return last.lists;
  const lists = pushShared(ds, trace, row, span, ownLists(span));
  last = { trace, row, span, lists };
  return lists;
}

/** The input format of the span (e.g. `zipkin-json`), for rules that must not guess where a format is silent. */
export function formatOf(ds: Dataset, span: SpanRecord): string {
  return ds.inputs[span.inputIdx]?.format ?? '';
}
