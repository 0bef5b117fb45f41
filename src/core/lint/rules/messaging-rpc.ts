// Messaging and RPC span rules (../shared/RULES.md, semconv family): names, required attributes and the
// gRPC status mapping. Sources: semconv docs/messaging/messaging-spans.md (§Span name, Messaging
// attributes), docs/rpc/rpc-spans.md (span name, client/server span), docs/rpc/grpc.md (status).
import {
  ATTR_RPC_METHOD,
  ATTR_RPC_STATUS_CODE,
  ATTR_RPC_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_DESTINATION_ANONYMOUS,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_TEMPLATE,
  ATTR_MESSAGING_DESTINATION_TEMPORARY,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_SYSTEM,
  ATTR_NET_PEER_NAME,
  ATTR_RPC_GRPC_STATUS_CODE,
  ATTR_RPC_RESPONSE_STATUS_CODE,
  ATTR_RPC_SERVICE,
} from '@opentelemetry/semantic-conventions/incubating';
import { attr, SpanKind, StatusCode, type SpanRecord } from '../../model/records.ts';
import type { RuleContext } from '../types.ts';
import { has, int, msgSystem, rpcSystem, schemaVersion, str, usesNamespace, versionBefore } from './family.ts';
import { reportRow, spanRule } from './define.ts';

const isTrue = (s: SpanRecord, key: string): boolean => {
  const v = attr(s.attributes, key);
  return v?.type === 'bool' && v.value;
};

/** messaging-spans.md §Span name: `{messaging.operation.name} {destination}`, the destination omitted when unknown. */
function msgNameProblem(span: SpanRecord): string | undefined {
  const a = span.attributes;
  const op = str(a, ATTR_MESSAGING_OPERATION_NAME);
  if (op === undefined) return undefined; // messaging-attrs reports the missing operation name
  // {destination}: the template, else the name unless temporary or anonymous, else server.address:server.port.
  const hidden = isTrue(span, ATTR_MESSAGING_DESTINATION_TEMPORARY) || isTrue(span, ATTR_MESSAGING_DESTINATION_ANONYMOUS);
  const dest = str(a, ATTR_MESSAGING_DESTINATION_TEMPLATE) ?? (hidden ? undefined : str(a, ATTR_MESSAGING_DESTINATION_NAME));
  const host = str(a, ATTR_SERVER_ADDRESS);
  const port = int(a, ATTR_SERVER_PORT);
  const ok = dest !== undefined ? [`${op} ${dest}`] : [op, ...(host !== undefined && port !== undefined ? [`${op} ${host}:${port}`] : [])];
  if (ok.includes(span.name)) return undefined;
  const before127 = dest !== undefined && span.name.startsWith(`${dest} `) ? ' (the pre-1.27 "{destination} {operation}" order)' : '';
  return `messaging span "${span.name}" should be named "${ok[0]}"${before127}`;
}

/** rpc-spans.md: the name is rpc.method, or rpc.system.name when the method is unknown or `_OTHER`. */
function rpcNameProblem(span: SpanRecord, ctx: RuleContext): string | undefined {
  const a = span.attributes;
  const method = str(a, ATTR_RPC_METHOD);
  const expected = method !== undefined && method !== '_OTHER' ? method : rpcSystem(span);
  // Before semconv 1.39 the name was "$package.$service/$method", from rpc.service and a bare rpc.method;
  // that form is right where the declared schema (or, with none, the keys used) is older than 1.39.
  const service = str(a, ATTR_RPC_SERVICE);
  const legacyName = service !== undefined && method !== undefined ? `${service}/${method}` : undefined;
  const v = schemaVersion(ctx.ds, span);
  if (legacyName !== undefined && (v ? versionBefore(v, 1, 39) : !has(a, ATTR_RPC_SYSTEM_NAME))) {
    return span.name === legacyName ? undefined : `RPC span "${span.name}" should be named "${legacyName}" ($package.$service/$method)`;
  }
  if (expected === undefined || span.name === expected) return undefined;
  if (span.name === legacyName) {
    return `RPC span "${span.name}" uses the pre-1.39 "$package.$service/$method" form, but its schema_url or rpc.system.name says current conventions; put the fully-qualified method in rpc.method and name the span after it`;
  }
  return `RPC span "${span.name}" should be named "${expected}"`;
}

export const msgRpcSpanName = spanRule({
  id: 'msg-rpc-span-name', category: 'semconv', severity: 'info',
  learn: 'e.g. `publish shop.orders`, `com.example.Svc/Get`.',
  why: 'Span names are how people and tools group operations. Messaging spans are named "{messaging.operation.name} {destination}" (the destination template or name, left out when it is temporary, anonymous or unknown), so every send to a queue groups together. RPC spans are named after rpc.method, the fully-qualified method such as "com.example.Svc/Get", or after rpc.system.name when the method is unknown. Names made of message ids, payloads or free text split one operation into many.',
  source: 'semconv messaging/messaging-spans.md §Span name; rpc/rpc-spans.md §Span name',
}, (span, at, ctx) => {
  const problem = (msgSystem(span) !== undefined ? msgNameProblem(span) : undefined) ?? (rpcSystem(span) !== undefined ? rpcNameProblem(span, ctx) : undefined);
  if (problem) reportRow(ctx, at.trace, at.row, problem);
});

export const messagingAttrs = spanRule({
  id: 'messaging-attrs', category: 'semconv', severity: 'warning',
  learn: 'These say what moved where.',
  why: 'messaging.system and messaging.operation.name are Required on messaging spans: they say which broker was used and what was done. A span about one message needs messaging.destination.name to say where it went; a span about a batch needs messaging.batch.message_count to say how many messages it covered. Without them producers and consumers of the same queue cannot be matched and throughput cannot be read from traces.',
  source: 'semconv messaging/messaging-spans.md (Messaging attributes)',
}, (span, at, ctx) => {
  if (msgSystem(span) === undefined && !usesNamespace(span, 'messaging.')) return;
  const a = span.attributes;
  const missing = [ATTR_MESSAGING_SYSTEM, ATTR_MESSAGING_OPERATION_NAME].filter((k) => !has(a, k));
  if (missing.length) reportRow(ctx, at.trace, at.row, `messaging span "${span.name}" lacks ${missing.join(' and ')}`);
  // A span that links to several creation contexts accounts for a batch (§Consumer spans: one link per message).
  const batch = has(a, ATTR_MESSAGING_BATCH_MESSAGE_COUNT) || span.links.length > 1;
  if (batch && !has(a, ATTR_MESSAGING_BATCH_MESSAGE_COUNT)) reportRow(ctx, at.trace, at.row, `"${span.name}" links ${span.links.length} messages but has no ${ATTR_MESSAGING_BATCH_MESSAGE_COUNT}`);
  if (!batch && !has(a, ATTR_MESSAGING_DESTINATION_NAME) && !isTrue(span, ATTR_MESSAGING_DESTINATION_ANONYMOUS)) reportRow(ctx, at.trace, at.row, `"${span.name}" handles a single message but has no ${ATTR_MESSAGING_DESTINATION_NAME}`);
});

const GRPC_CODES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
/** The status code keys, current first: rpc.status_code, then rpc.response.status_code (1.39-1.44), rpc.grpc.status_code (int). */
const STATUS_KEYS = [ATTR_RPC_STATUS_CODE, ATTR_RPC_RESPONSE_STATUS_CODE, ATTR_RPC_GRPC_STATUS_CODE];

/** The gRPC status as its name (`UNAVAILABLE`), numbers mapped through the gRPC code table. */
export function grpcStatus(span: SpanRecord): string | undefined {
  const n = int(span.attributes, ...STATUS_KEYS);
  if (n !== undefined) return GRPC_CODES[n] ?? String(n);
  return str(span.attributes, ...STATUS_KEYS)?.toUpperCase();
}

export const rpcAttrs = spanRule({
  id: 'rpc-attrs', category: 'semconv', severity: 'warning',
  learn: 'System and outcome are needed to group calls.',
  why: 'rpc.system.name is Required on RPC spans: it says which protocol (grpc, connectrpc, dubbo...) defines the method and status. gRPC spans also record the call\u2019s outcome in rpc.status_code, which is what error rates and per-code dashboards are built on, and client spans name the server they called in server.address so the service map can draw the edge. Configure the RPC instrumentation to record them.',
  source: 'semconv rpc/rpc-spans.md (RPC client span, RPC server span); rpc/grpc.md',
}, (span, at, ctx) => {
  const system = rpcSystem(span);
  if (system === undefined && !usesNamespace(span, 'rpc.')) return;
  const a = span.attributes;
  if (system === undefined) reportRow(ctx, at.trace, at.row, `"${span.name}" has rpc.* attributes but no ${ATTR_RPC_SYSTEM_NAME}`);
  if (system === 'grpc' && grpcStatus(span) === undefined) reportRow(ctx, at.trace, at.row, `gRPC span "${span.name}" has no ${ATTR_RPC_STATUS_CODE}`);
  if (span.kind === SpanKind.CLIENT && !has(a, ATTR_SERVER_ADDRESS, ATTR_NET_PEER_NAME)) reportRow(ctx, at.trace, at.row, `RPC client span "${span.name}" has no ${ATTR_SERVER_ADDRESS}`);
});

/** grpc.md: on the server only these codes are errors (the others are the caller\u2019s problem). */
const GRPC_SERVER_ERRORS = new Set(['UNKNOWN', 'DEADLINE_EXCEEDED', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS']);

export const grpcStatusMapping = spanRule({
  id: 'grpc-status-mapping', category: 'semconv', severity: 'warning',
  learn: 'gRPC codes map to status differently per side.',
  why: 'A gRPC client span is Error for every status other than OK: its call did not succeed. A server span is Error only for codes that mean the server failed (UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS); codes such as NOT_FOUND or INVALID_ARGUMENT describe the request, so the server span stays Unset and the server\u2019s error rate is not inflated by bad callers. Set the status from rpc.status_code by this table, and error.type to the code when it is an error.',
  source: 'semconv rpc/grpc.md (gRPC status)',
}, (span, at, ctx) => {
  if (rpcSystem(span) !== 'grpc') return;
  const code = grpcStatus(span);
  if (code === undefined) return;
  const isError = span.status.code === StatusCode.ERROR;
  if (span.kind === SpanKind.SERVER) {
    const should = GRPC_SERVER_ERRORS.has(code);
    if (should && !isError) reportRow(ctx, at.trace, at.row, `server span ended with ${code}, a server failure, but its status is not Error`);
    if (!should && isError) reportRow(ctx, at.trace, at.row, `server span ended with ${code}, which is not a server failure, but its status is Error; leave it Unset`);
  } else if (span.kind === SpanKind.CLIENT && code !== 'OK' && !isError) {
    reportRow(ctx, at.trace, at.row, `client span got ${code} but its status is not Error`);
  }
});

export const MESSAGING_RPC_RULES = [msgRpcSpanName, messagingAttrs, rpcAttrs, grpcStatusMapping];
