// Finds what a pasted context names in the loaded data: the trace, and the caller's span (its parent-id).
import type { Dataset } from '../model/assemble.ts';
import { findSpan, type SpanRef } from '../model/details.ts';
import type { PastedContext } from './paste.ts';

export interface Located {
  readonly status: 'parent-found' | 'trace-only' | 'not-loaded' | 'nothing-to-find';
  readonly traceId: string;
  readonly parent: SpanRef | null;
  /** A sentence for the person who pasted. */
  readonly message: string;
}

export function locateContext(ds: Dataset, ctx: PastedContext): Located {
  const traceId = ctx.effectiveTraceId;
  if (!traceId) return { status: 'nothing-to-find', traceId: '', parent: null, message: 'Nothing in the paste names a trace.' };
  const tIdx = ds.traceIdx.get(traceId);
  if (tIdx === undefined) {
    return { status: 'not-loaded', traceId, parent: null, message: `Trace ${traceId} is not in the loaded data. Load the dump that holds it, or fetch it from a backend.` };
  }
  const parentId = ctx.effectiveParentId;
  const parent = parentId ? findSpan(ds, traceId, parentId) : null;
  if (parent) {
    const s = ds.span(ds.traces[tIdx]!.spanIdx[parent.row]!);
    return { status: 'parent-found', traceId, parent, message: `Found: the caller's span is "${s.name}" in ${ds.services[ds.spanService[ds.traces[tIdx]!.spanIdx[parent.row]!]!]}.` };
  }
  return {
    status: 'trace-only',
    traceId,
    parent: null,
    message: parentId
      ? `Trace loaded, but the caller's span ${parentId} is not in this data: it was not exported, was sampled away, or came from a service whose spans are not loaded.`
      : 'Trace loaded.',
  };
}
