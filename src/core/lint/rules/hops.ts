// Hop rules: whether a call between services shows up as one CLIENT→SERVER step of one trace
// (../shared/RULES.md, propagation family). Sources: OTel spec trace/api.md §SpanKind; W3C Trace Context;
// Jaeger HasClientServerSpans; the seed guide.
import type { Dataset, TraceModel } from '../../model/assemble.ts';
import { SpanKind, type SpanRecord } from '../../model/records.ts';
import { datasetRule, forEachChildOfParent, reportRow, sameProcess, spanAt, traceRule } from './define.ts';
import { callMethod, isHttp, isRpc, knownEndpoints, peerNames, resourceString, rpcMethod, urlFull } from './span-facts.ts';
import { FirstInWindow } from './time-window.ts';

/**
 * HTTP/RPC CLIENT spans of a trace that no SERVER span answers. A nested CLIENT child also counts as an
 * answer: two instrumentations wrapping one call are nested-same-kind's finding, and the inner one is judged
 * on its own. INTERNAL children (DNS, TCP connect) do not answer a call.
 */
function unansweredCalls(ds: Dataset, trace: TraceModel): number[] {
  const answered = new Uint8Array(trace.numRows);
  for (let row = 0; row < trace.numRows; row++) {
    const p = trace.parentRow[row]!;
    const kind = spanAt(ds, trace, row).kind;
    if (p >= 0 && (kind === SpanKind.SERVER || kind === SpanKind.CLIENT)) answered[p] = 1;
  }
  const out: number[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const s = spanAt(ds, trace, row);
    if (!answered[row] && s.kind === SpanKind.CLIENT && s.endNs !== 0n && (isHttp(s) || isRpc(s))) out.push(row);
  }
  return out;
}

export const clientNoServerChild = datasetRule({
  id: 'client-no-server-child', category: 'propagation', severity: 'warning',
  learn: 'The callee is instrumented but the trace stops: headers not injected or not extracted.',
  why: 'An outgoing HTTP or RPC call should be answered by the callee\u2019s SERVER span, parented to the CLIENT span through the traceparent header. When the callee is one of the services in this data, a missing SERVER child means the context did not cross: the client did not inject the header (a bare HTTP client, a proxy that strips it) or the server did not extract it (no propagator, another propagation format). Calls to services that are not instrumented are only noted (info).',
  source: 'Jaeger HasClientServerSpans; seed guide',
}, (ctx) => {
  const endpoints = knownEndpoints(ctx.ds);
  for (const trace of ctx.ds.traces) {
    for (const row of unansweredCalls(ctx.ds, trace)) {
      const s = spanAt(ctx.ds, trace, row);
      const known = peerNames(s).find((n) => endpoints.has(n));
      if (known !== undefined) reportRow(ctx, trace, row, `call to "${known}", which is in the loaded data, has no SERVER span under it`);
      else reportRow(ctx, trace, row, `call${peerNames(s).length ? ` to "${peerNames(s)[0]}"` : ''} has no SERVER span under it (the callee may not be instrumented)`, { severity: 'info' });
    }
  }
});

/** The names a SERVER span answers to: its service, its host and the server.address it was called on. */
function serverNames(ds: Dataset, s: SpanRecord): string[] {
  return [resourceString(ds, s, 'service.name'), resourceString(ds, s, 'host.name'), ...peerNames(s)].filter((n): n is string => !!n);
}

export const traceIdChanged = datasetRule({
  id: 'trace-id-changed', category: 'propagation', severity: 'warning',
  learn: 'The request continued in a new trace: `traceparent` was lost.',
  why: 'A CLIENT call went unanswered in its trace while, during that call, the service it called started a new trace with a matching request. The request crossed the hop but its context did not: the header was not sent, was stripped by a proxy or gateway, or the server ignored it (another propagator, or a new root forced by configuration). Configure the same propagator on both sides and let proxies pass traceparent/tracestate through.',
  source: 'seed guide; W3C Trace Context',
}, (ctx) => {
  const { ds } = ctx;
  // Root SERVER spans by (name they answer to, method).
  const roots = new Map<string, SpanRecord[]>();
  for (const trace of ds.traces) {
    for (const row of trace.rootRows) {
      const s = spanAt(ds, trace, row);
      const method = callMethod(s);
      if (s.kind !== SpanKind.SERVER || s.parentSpanId !== '' || method === undefined) continue;
      for (const name of new Set(serverNames(ds, s))) {
        const key = `${name}\u0000${method}`;
        let list = roots.get(key);
        if (!list) roots.set(key, (list = []));
        list.push(s);
      }
    }
  }
  // Per key, on first use: the roots by start time, so a call's window is a binary search, not a scan.
  const windows = new Map<string, FirstInWindow<SpanRecord> | null>();
  const rootsIn = (key: string): FirstInWindow<SpanRecord> | null => {
    let index = windows.get(key);
    if (index === undefined) {
      const list = roots.get(key);
      windows.set(key, (index = list ? new FirstInWindow(list, (s) => s.startNs) : null));
    }
    return index;
  };
  for (const trace of ds.traces) {
    for (const row of unansweredCalls(ds, trace)) {
      const c = spanAt(ds, trace, row);
      const method = callMethod(c);
      if (method === undefined) continue;
      // The first root in listing order (traces by start, then their roots), for the first peer name that
      // has one: the root that a scan of every peer's list in turn would find first.
      let match: SpanRecord | undefined;
      for (const peer of peerNames(c)) {
        match = rootsIn(`${peer}\u0000${method}`)?.first(c.startNs, c.endNs, (s) => s.traceId === c.traceId);
        if (match) break;
      }
      if (match) {
        ctx.report({
          traceId: trace.traceId, spanId: c.spanId, row,
          message: `the call continued as the root "${match.name}" of trace ${match.traceId}`,
          related: [{ traceId: match.traceId, spanId: match.spanId }],
        });
      }
    }
  }
});

export const nestedSameKind = traceRule({
  id: 'nested-same-kind', category: 'propagation', severity: 'warning',
  learn: 'Two instrumentations wrapped one call; disable one.',
  why: 'A SERVER span directly under another SERVER span of the same process, or a CLIENT span under a CLIENT span for the same URL or RPC method, describes one request twice: typically a framework and a lower-level library (express and http, a gRPC client and its HTTP/2 transport) are both instrumented. The span kind says one request per span, so the copy doubles counts and breaks CLIENT\u2194SERVER pairing. Disable one of the two instrumentations, or make the inner one INTERNAL.',
  source: 'OTel spec trace/api.md §SpanKind; seed guide',
}, (trace, ctx) => {
  forEachChildOfParent(ctx, trace, (c, parent, row) => {
    if (c.kind !== parent.kind) return;
    if (c.kind === SpanKind.SERVER && sameProcess(ctx.ds, c, parent)) {
      reportRow(ctx, trace, row, `SERVER span under the SERVER span "${parent.name}" of the same process`);
    } else if (c.kind === SpanKind.CLIENT) {
      const same = [urlFull, rpcMethod].map((get) => (get(c) !== undefined && get(c) === get(parent) ? get(c) : undefined)).find((v) => v !== undefined);
      if (same !== undefined) reportRow(ctx, trace, row, `CLIENT span under the CLIENT span "${parent.name}" for the same call (${same})`);
    }
  });
});

export const HOP_RULES = [clientNoServerChild, traceIdChanged, nestedSameKind];
