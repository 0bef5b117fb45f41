// Propagation rules: ids, parentage and context crossing process boundaries (../shared/RULES.md,
// propagation family). Sources: OTel spec trace/api.md (SpanContext IsValid, SpanKind), W3C Trace Context,
// opentelemetry-proto trace.proto, instrumentation-score SPA-002/SPA-004, Jaeger, Honeycomb.
import { RowFlag, type Dataset, type TraceModel } from '../../model/assemble.ts';
import { attrString, Quirk, SpanKind } from '../../model/records.ts';
import { parseTracestate } from '../../propagation/tracestate.ts';
import { reportRow, spanAt, spanRule, traceRule } from './define.ts';

const isZero = (hex: string): boolean => /^0+$/.test(hex);
const HEX = (n: number): RegExp => new RegExp(`^[0-9a-f]{${n}}$`);
const TRACE_ID = HEX(32);
const SPAN_ID = HEX(16);

export const invalidIds = spanRule({
  id: 'invalid-ids', category: 'propagation', severity: 'error',
  learn: 'All-zero or malformed IDs are invalid and break correlation.',
  why: 'A trace id is 16 bytes and a span id 8 bytes, never all zeros (W3C Trace Context, the OTel API\u2019s IsValid). Invalid ids cannot be joined to anything: the span is effectively unparented and untraceable. Fix the producer or the converter that wrote them.',
  source: 'OTel spec trace/api.md §IsValid; W3C Trace Context; trace.proto',
}, (span, at, ctx) => {
  const problems: string[] = [];
  if (!TRACE_ID.test(span.traceId) || isZero(span.traceId)) problems.push(`trace id "${span.traceId}"`);
  if (!SPAN_ID.test(span.spanId) || isZero(span.spanId)) problems.push(`span id "${span.spanId}"`);
  if (span.parentSpanId !== '' && (!SPAN_ID.test(span.parentSpanId) || isZero(span.parentSpanId))) problems.push(`parent span id "${span.parentSpanId}"`);
  if (problems.length) reportRow(ctx, at.trace, at.row, `invalid ${problems.join(', ')}`);
});

export const idBase64 = spanRule({
  id: 'id-base64', category: 'propagation', severity: 'error',
  learn: 'OTLP/JSON IDs are hex, not base64; the converter is wrong.',
  why: 'The OTLP/JSON encoding deviates from protobuf\u2019s JSON mapping: trace and span ids are hex strings. base64 ids come from a generic protojson converter; strict receivers reject them or read garbage ids. Use an OTLP-aware JSON encoder.',
  source: 'OTLP specification, JSON Protobuf Encoding',
}, (span, at, ctx) => {
  if (span.quirks & Quirk.BASE64_IDS) reportRow(ctx, at.trace, at.row, 'ids were base64-encoded (decoded here)');
});

export const duplicateSpanId = traceRule({
  id: 'duplicate-span-id', category: 'propagation', severity: 'error',
  learn: 'IDs must be unique per trace; duplicates corrupt the tree.',
  why: 'Children find their parent by span id. When two different spans share one, children attach to the wrong one and backends may drop or merge spans. It points at a broken id generator or spans copied with their ids.',
  source: 'Jaeger ("duplicate span IDs"), UniqueSpanId',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    if (trace.flags[row]! & RowFlag.DUPLICATE_ID) reportRow(ctx, trace, row, `another span of this trace has span id ${spanAt(ctx.ds, trace, row).spanId}`);
  }
});

export const parentCycle = traceRule({
  id: 'parent-cycle', category: 'propagation', severity: 'error',
  learn: "A span can't be its own ancestor.",
  why: 'Parent ids must form a tree. A span naming itself, or a loop of parents, is invalid data (usually ids reused or overwritten); Tracelens cuts the loop to show the spans.',
  source: 'OTel spec trace/api.md §Span',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    const f = trace.flags[row]!;
    if (f & RowFlag.CYCLE) reportRow(ctx, trace, row, f & RowFlag.SELF_PARENT ? 'the span is its own parent' : 'its parent chain loops back to it');
  }
});

export const orphanSpan = traceRule({
  id: 'orphan-span', category: 'propagation', severity: 'warning',
  learn: 'The parent was never exported, sampled away, or came from unrecorded context.',
  why: 'The span names a parent that is not in the data, so the tree breaks at this point. Either the parent\u2019s service did not export it (not instrumented, a different sampling decision, lost in the pipeline) or context arrived from somewhere that records nothing. Load the other services\u2019 data, or fix sampling and export on the parent\u2019s side.',
  source: 'instrumentation-score SPA-002; Honeycomb; Jaeger',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    if (trace.flags[row]! & RowFlag.ORPHAN) reportRow(ctx, trace, row, `parent ${spanAt(ctx.ds, trace, row).parentSpanId} is not in the loaded data`);
  }
});

/** Spans that are roots, not orphans, cycles, or spans whose format cannot print a parent (Quirk.NO_PARENTS). */
const trueRoots = (ds: Dataset, trace: TraceModel): number[] =>
  [...trace.rootRows].filter((r) => (trace.flags[r]! & (RowFlag.ORPHAN | RowFlag.CYCLE)) === 0 && !(spanAt(ds, trace, r).quirks & Quirk.NO_PARENTS));

export const missingRoot = traceRule({
  id: 'missing-root', category: 'propagation', severity: 'warning',
  learn: 'Root-span queries will skip this trace.',
  why: 'No span of this trace lacks a parent: the entry span was not exported or not loaded. Queries and views that start from the root (root name, root service, trace duration) cannot describe the trace.',
  source: 'Honeycomb',
}, (trace, ctx) => {
  const unknowable = [...trace.rootRows].some((r) => spanAt(ctx.ds, trace, r).quirks & Quirk.NO_PARENTS);
  if (trueRoots(ctx.ds, trace).length === 0 && !unknowable) ctx.report({ traceId: trace.traceId, spanId: '', message: 'no span without a parent: the root is missing' });
});

export const multipleRoots = traceRule({
  id: 'multiple-roots', category: 'propagation', severity: 'warning',
  learn: 'Unrelated requests share a trace id (leaked context) or a hop restarted it.',
  why: 'A trace should have one root. Several parentless spans with one trace id mean context leaked between requests (a span left active on a thread or event loop) or a service started a new root while keeping the incoming trace id.',
  source: 'seed guide',
}, (trace, ctx) => {
  const roots = trueRoots(ctx.ds, trace);
  if (roots.length > 1) {
    for (const row of roots.slice(1)) reportRow(ctx, trace, row, `one of ${roots.length} roots in this trace`);
  }
});

export const rootIsClient = traceRule({
  id: 'root-is-client', category: 'propagation', severity: 'warning',
  learn: 'A CLIENT root means the entry span or incoming context is missing.',
  why: 'A trace normally starts where work enters a service (a SERVER or CONSUMER span, or INTERNAL for a job). A CLIENT root means the operation that made the call was not traced, so the call floats without its cause. Browser apps are the exception, where the first span often is a fetch.',
  source: 'instrumentation-score SPA-004',
}, (trace, ctx) => {
  for (const row of trueRoots(ctx.ds, trace)) {
    const span = spanAt(ctx.ds, trace, row);
    if (span.kind !== SpanKind.CLIENT) continue;
    const lang = attrString(ctx.ds.resources[span.resourceIdx]?.attributes ?? [], 'telemetry.sdk.language');
    reportRow(ctx, trace, row, `the root "${span.name}" is a CLIENT span`, { severity: lang === 'webjs' ? 'info' : 'warning' });
  }
});

export const serverParentNotClient = traceRule({
  id: 'server-parent-not-client', category: 'propagation', severity: 'warning',
  learn: "A server span belongs under another service's CLIENT span.",
  why: 'A SERVER span handles a request that came over the network, so its parent should be the caller\u2019s CLIENT span in another service. Another parent means the client call was not instrumented, or context was propagated in-process where no hop happened.',
  source: 'Jaeger HasClientServerSpans',
}, (trace, ctx) => {
  for (let row = 0; row < trace.numRows; row++) {
    const p = trace.parentRow[row]!;
    const span = spanAt(ctx.ds, trace, row);
    if (p < 0 || span.kind !== SpanKind.SERVER) continue;
    const parent = spanAt(ctx.ds, trace, p);
    const sameService = ctx.ds.spanService[trace.spanIdx[row]!] === ctx.ds.spanService[trace.spanIdx[p]!];
    if (parent.kind !== SpanKind.CLIENT || sameService) {
      reportRow(ctx, trace, row, parent.kind !== SpanKind.CLIENT ? `parent "${parent.name}" is not a CLIENT span` : 'parent CLIENT span is in the same service');
    }
  }
});

export const kindUnspecified = spanRule({
  id: 'kind-unspecified', category: 'propagation', severity: 'info',
  learn: 'UNSPECIFIED is read as INTERNAL, losing CLIENT\u2194SERVER pairing.',
  why: 'Span kind 0 says nothing; receivers treat it as INTERNAL, so a span that was really a call or a request handler drops out of service maps. Set the kind when starting the span.',
  source: 'opentelemetry-proto trace.proto',
}, (span, at, ctx) => {
  if (span.kind === SpanKind.UNSPECIFIED) reportRow(ctx, at.trace, at.row, 'span kind is UNSPECIFIED');
});

export const traceflagsReserved = spanRule({
  id: 'traceflags-reserved', category: 'propagation', severity: 'warning',
  learn: 'Only sampled (0x01) and random (0x02) exist; other bits must be 0.',
  why: 'W3C Trace Context defines two flag bits. Others set in the 8-bit trace flags come from a producer that misuses the field; downstream services must ignore them and some reject the context.',
  source: 'W3C Trace Context §trace-flags; trace.proto (flags & 0xff)',
}, (span, at, ctx) => {
  if (span.flags !== null && (span.flags & 0xfc) !== 0) reportRow(ctx, at.trace, at.row, `trace flags 0x${(span.flags & 0xff).toString(16).padStart(2, '0')} set reserved bits`);
});

export const tracestateInvalid = spanRule({
  id: 'tracestate-invalid', category: 'propagation', severity: 'warning',
  learn: 'The next hop drops invalid tracestate with its vendor and sampling data.',
  why: 'tracestate carries vendor and OpenTelemetry sampling data (ot=th, rv) from hop to hop. A malformed header is discarded whole by the next service, so that data stops there. Keep keys lowercase, values free of "," and "=", at most 32 members.',
  source: 'W3C Trace Context §tracestate; OTel spec trace/tracestate-handling.md',
}, (span, at, ctx) => {
  if (span.traceState === '') return;
  const parsed = parseTracestate(span.traceState);
  if (!parsed.valid) reportRow(ctx, at.trace, at.row, `tracestate "${span.traceState}": ${parsed.errors[0]!.message}`);
});

export const traceId64bit = spanRule({
  id: 'trace-id-64bit', category: 'propagation', severity: 'info',
  learn: 'A padded 64-bit legacy ID weakens uniqueness and random sampling.',
  why: 'Trace ids whose first 8 bytes are zero come from 64-bit systems (older Zipkin/Jaeger clients) padded to 128 bits. They collide more easily and break samplers that read randomness from the trace id.',
  source: 'W3C Trace Context §trace-id',
}, (span, at, ctx) => {
  if (at.row === 0 && TRACE_ID.test(span.traceId) && span.traceId.startsWith('0000000000000000') && !isZero(span.traceId)) reportRow(ctx, at.trace, at.row, 'the trace id is a padded 64-bit id');
});

export const PROPAGATION_RULES = [
  invalidIds, idBase64, duplicateSpanId, parentCycle, orphanSpan, missingRoot, multipleRoots, rootIsClient,
  serverParentNotClient, kindUnspecified, traceflagsReserved, tracestateInvalid, traceId64bit,
];
