// kind-attribute-mismatch: the span kind must agree with the side of the call its attributes describe
// (../shared/RULES.md, semconv family). Sources: OTel spec trace/api.md §SpanKind; semconv
// http/http-spans.md (client span kind MUST be CLIENT, server span kind MUST be SERVER),
// db/database-spans.md (kind SHOULD be CLIENT, MAY be INTERNAL), messaging/messaging-spans.md §Span kind,
// rpc/rpc-spans.md (CLIENT for outgoing calls, SERVER for incoming ones).
import { ATTR_HTTP_ROUTE, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';
import { ATTR_MESSAGING_OPERATION, ATTR_MESSAGING_OPERATION_TYPE } from '@opentelemetry/semantic-conventions/incubating';
import { KIND_NAME } from '../../model/details.ts';
import type { TraceModel } from '../../model/assemble.ts';
import { SpanKind, type SpanRecord } from '../../model/records.ts';
import type { RuleContext } from '../types.ts';
import { dbSystem, has, httpMethod, msgSystem, rpcSystem, str } from './family.ts';
import { reportRow, spanRule } from './define.ts';

const { SERVER, CLIENT, PRODUCER, CONSUMER } = SpanKind;

/** messaging-spans.md §Span kind; legacy operation values (publish → send, deliver → process) map as renamed. */
const MSG_KINDS: Readonly<Record<string, readonly number[]>> = {
  create: [PRODUCER],
  send: [PRODUCER, CLIENT],
  publish: [PRODUCER, CLIENT],
  receive: [CLIENT],
  settle: [CLIENT],
  process: [CONSUMER],
  deliver: [CONSUMER],
};

const kindText = (kinds: readonly number[]): string => kinds.map((k) => KIND_NAME[k]).join(' or ');

// A function of its own rather than a closure made for every span.
function mismatch(span: SpanRecord, at: { readonly trace: TraceModel; readonly row: number }, ctx: RuleContext, what: string, want: readonly number[]): void {
  if (!want.includes(span.kind)) reportRow(ctx, at.trace, at.row, `"${span.name}" has ${what} but kind ${KIND_NAME[span.kind] ?? span.kind}; expected ${kindText(want)}`);
}

export const kindAttributeMismatch = spanRule({
  id: 'kind-attribute-mismatch', category: 'semconv', severity: 'warning',
  learn: 'Kind tells tools which side of a call this is; wrong kinds break service maps.',
  why: 'Backends pair CLIENT spans with the SERVER spans they caused, and PRODUCER spans with CONSUMER spans, to draw service maps and split latency between caller and callee. The attributes say which side this span is (an HTTP route belongs to the server, a full URL to the client, a database call to its client, a messaging "process" to a consumer), but the kind says otherwise, so the span is put on the wrong side. Set the kind when the span starts, following the semantic conventions for its family.',
  source: 'OTel spec trace/api.md §SpanKind; semconv http/http-spans.md, db/database-spans.md, messaging/messaging-spans.md §Span kind, rpc/rpc-spans.md',
}, (span, at, ctx) => {
  const a = span.attributes;
  if (httpMethod(span) !== undefined) {
    // Only the current url.full marks a client: the legacy http.url was also allowed on server spans (<= 1.20).
    if (has(a, ATTR_URL_FULL)) mismatch(span, at, ctx, 'url.full (a client attribute)', [CLIENT]);
    else if (has(a, ATTR_HTTP_ROUTE)) mismatch(span, at, ctx, 'http.route without url.full (server attributes)', [SERVER]);
  }
  if (dbSystem(span) !== undefined && span.kind === SERVER) mismatch(span, at, ctx, 'database client attributes', [CLIENT, SpanKind.INTERNAL]);
  const op = msgSystem(span) !== undefined ? str(a, ATTR_MESSAGING_OPERATION_TYPE, ATTR_MESSAGING_OPERATION) : undefined;
  const want = op === undefined ? undefined : MSG_KINDS[op];
  if (want) mismatch(span, at, ctx, `messaging operation type "${op}"`, want);
  // rpc-spans.md: an RPC is a CLIENT span on the caller and a SERVER span on the callee (not in RULES.md's row).
  if (rpcSystem(span) !== undefined) mismatch(span, at, ctx, 'RPC attributes', [CLIENT, SERVER]);
});

export const SPAN_KIND_ATTR_RULES = [kindAttributeMismatch];
