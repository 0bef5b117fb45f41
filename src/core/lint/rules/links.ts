// Link rules (../shared/RULES.md, propagation family): links that connect nothing, and messaging spans that
// should connect producer and consumer through links. Sources: OTel spec trace/api.md §Link; semconv
// messaging/messaging-spans.md §Trace structure.
import { RowFlag } from '../../model/assemble.ts';
import { attr, Quirk, SpanKind, type SpanLink, type SpanRecord } from '../../model/records.ts';
import { datasetRule, reportRow, spanAt, traceRule } from './define.ts';
import { isMsg, msgOperation } from './span-facts.ts';
import { countAtOrBefore, sortBigints } from './time-window.ts';

const isValidContext = (l: SpanLink): boolean =>
  /^[0-9a-f]{32}$/.test(l.traceId) && !/^0+$/.test(l.traceId) && /^[0-9a-f]{16}$/.test(l.spanId) && !/^0+$/.test(l.spanId);

const destination = (s: SpanRecord): string | undefined => {
  const v = attr(s.attributes, 'messaging.destination.name');
  return v?.type === 'string' ? v.value : undefined;
};

interface CreateStarts {
  /**
   * The "create" spans started by `t` that may be messages of a send to `dest`: all of them when the send
   * names no destination, else those to the same destination or to none.
   */
  numAtOrBefore(t: bigint, dest: string | undefined): number;
}

/** Sorted start times of a trace's "create" spans, overall and per destination (none is its own key). */
function createStarts(creates: readonly SpanRecord[]): CreateStarts {
  const all = sortBigints(creates.map((c) => c.startNs));
  const byDest = new Map<string | undefined, bigint[]>();
  for (const c of creates) {
    const dest = destination(c);
    let list = byDest.get(dest);
    if (!list) byDest.set(dest, (list = []));
    list.push(c.startNs);
  }
  for (const list of byDest.values()) sortBigints(list);
  const count = (list: readonly bigint[] | undefined, t: bigint) => (list ? countAtOrBefore(list, t) : 0);
  return {
    numAtOrBefore: (t, dest) => (dest === undefined ? countAtOrBefore(all, t) : count(byDest.get(undefined), t) + count(byDest.get(dest), t)),
  };
}

export const messagingLinkMissing = traceRule({
  id: 'messaging-link-missing', category: 'propagation', severity: 'warning',
  learn: 'Consumers must link to the message\u2019s creation context to connect to producers.',
  why: 'A message is produced in one trace and consumed later, often in batches, so semconv connects the two sides with links: every "process" or "receive" span SHOULD link to the creation context of each message it handles, and a "send" span SHOULD link to the "create" spans of the messages it sends. Without the link the consumer\u2019s trace starts from nowhere and the producer\u2019s message leads nowhere. Extract the context from the message headers and add it as a link (or use a messaging instrumentation that does).',
  source: 'semconv messaging/messaging-spans.md §Trace structure',
}, (trace, ctx) => {
  const creates: SpanRecord[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const s = spanAt(ctx.ds, trace, row);
    if (isMsg(s) && msgOperation(s) === 'create') creates.push(s);
  }
  let createsAt: CreateStarts | undefined;
  for (let row = 0; row < trace.numRows; row++) {
    const s = spanAt(ctx.ds, trace, row);
    const op = isMsg(s) ? msgOperation(s) : undefined;
    if (s.links.length > 0 || s.quirks & Quirk.NO_LINKS) continue;
    if (s.kind === SpanKind.CONSUMER || op === 'process' || op === 'receive') {
      // A parent not in the data may well be the producer (its context came with the message): no verdict.
      if (trace.flags[row]! & RowFlag.ORPHAN) continue;
      const p = trace.parentRow[row]!;
      if (p >= 0 && spanAt(ctx.ds, trace, p).kind === SpanKind.PRODUCER) continue;
      // semconv: a receive or process span may account for no message at all.
      const count = attr(s.attributes, 'messaging.batch.message_count');
      if (count?.type === 'int' && count.value === '0') continue;
      reportRow(ctx, trace, row, `${s.kind === SpanKind.CONSUMER ? 'CONSUMER' : op} span with no link and no PRODUCER parent`);
    } else if (op === 'send') {
      const numMine = (createsAt ??= createStarts(creates)).numAtOrBefore(s.endNs, destination(s));
      if (numMine) reportRow(ctx, trace, row, `send span does not link to the ${numMine} "create" span(s) of its messages`, { severity: 'info' });
    }
  }
});

export const linkInvalid = datasetRule({
  id: 'link-invalid', category: 'propagation', severity: 'warning',
  learn: 'Such a link carries no usable information.',
  why: 'A link points at another span by its context. The API keeps a link with an invalid (all-zero) context only if it has attributes or a tracestate to say something; without them it connects nothing. A span linking to itself says nothing either. A link whose target is not in the loaded data is fine, but cannot be followed here (info): load the linked trace to see it.',
  source: 'OTel spec trace/api.md §Link',
}, (ctx) => {
  // Built on the first link that needs it: most spans have no links, and this is one string per span.
  let loadedSet: Set<string> | undefined;
  const loaded = (): Set<string> => {
    if (loadedSet === undefined) {
      loadedSet = new Set();
      for (let i = 0; i < ctx.ds.numSpans; i++) {
        const s = ctx.ds.span(i);
        loadedSet.add(`${s.traceId}/${s.spanId}`);
      }
    }
    return loadedSet;
  };
  for (const trace of ctx.ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const s = spanAt(ctx.ds, trace, row);
      s.links.forEach((l, i) => {
        const which = `link ${i + 1}`;
        if (!isValidContext(l)) {
          if (l.attributes.length === 0 && l.traceState === '') reportRow(ctx, trace, row, `${which} has an invalid context and no attributes or tracestate`);
        } else if (l.traceId === s.traceId && l.spanId === s.spanId) reportRow(ctx, trace, row, `${which} points at the span itself`);
        else if (!loaded().has(`${l.traceId}/${l.spanId}`)) {
          const traceLoaded = ctx.ds.traceIdx.has(l.traceId);
          ctx.report({
            traceId: trace.traceId, spanId: s.spanId, row, severity: 'info',
            message: `${which} target ${l.spanId} ${traceLoaded ? 'is not in its trace' : `(trace ${l.traceId}) is not loaded`}`,
            related: [{ traceId: l.traceId, spanId: l.spanId }],
          });
        }
      });
    }
  }
});

export const LINK_RULES = [messagingLinkMissing, linkInvalid];
