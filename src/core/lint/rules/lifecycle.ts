// Lifecycle rules: how spans start, end and report their outcome (../shared/RULES.md, lifecycle family).
// Sources: OTel spec trace/api.md (Span, Set Status, Add Events), trace/exceptions.md, opentelemetry-proto
// trace.proto, semantic-conventions general/recording-errors.md and exceptions-spans.md, Jaeger ClockSkew.
import { attr, Quirk, StatusCode, type SpanRecord } from '../../model/records.ts';
import type { LintConfig } from '../types.ts';
import { forEachChildOfParent, reportRow, sameProcess, spanRule, traceRule } from './define.ts';

const NS_2000 = 946_684_800_000_000_000n; // 2000-01-01 in Unix ns
const DAY_NS = 86_400_000_000_000n;

export const spanNotEnded = spanRule({
  id: 'span-not-ended', category: 'lifecycle', severity: 'error',
  learn: 'Exported before `End()` ran, so the span has no real duration.',
  why: 'A span measures an operation from start to end; without an end time it has no duration and tools draw it as zero or endless. It usually means the span was exported by a crash-time flush or a processor that exports on start. Make sure every code path, including errors, ends the span (a try/finally around the work).',
  source: 'opentelemetry-proto trace.proto (end_time_unix_nano); seed guide',
}, (span, at, ctx) => {
  if (span.endNs === 0n && !(span.quirks & Quirk.NO_TIMES)) reportRow(ctx, at.trace, at.row, `"${span.name}" has no end time`);
});

export const spanNegativeDuration = spanRule({
  id: 'span-negative-duration', category: 'lifecycle', severity: 'error',
  learn: 'The end precedes the start, so a custom timestamp or clock was wrong.',
  why: 'trace.proto expects end_time >= start_time. A negative duration comes from passing explicit timestamps from two different clocks (or units) to start and end. Let the SDK take both times, or take both from the same monotonic source.',
  source: 'opentelemetry-proto trace.proto',
}, (span, at, ctx) => {
  if (span.endNs !== 0n && span.endNs < span.startNs) reportRow(ctx, at.trace, at.row, `"${span.name}" ends ${Number(span.startNs - span.endNs) / 1e6} ms before it starts`);
});

// One bigint per configuration rather than one per span.
const latestStartCache = new WeakMap<LintConfig, bigint>();
function latestStart(config: LintConfig): bigint {
  let ns = latestStartCache.get(config);
  if (ns === undefined) latestStartCache.set(config, (ns = BigInt(Math.max(config.nowMs, 0)) * 1_000_000n + DAY_NS));
  return ns;
}

export const timestampImplausible = spanRule({
  id: 'timestamp-implausible', category: 'lifecycle', severity: 'error',
  learn: 'OTLP times are nanoseconds since epoch; 1970 means the wrong unit.',
  why: 'OTLP timestamps are Unix nanoseconds. A start of 0, a date before 2000, or a date in the future usually means milliseconds or microseconds were passed where nanoseconds belong, or a clock was unset. Convert the unit where the timestamp is created, or let the SDK stamp the time.',
  source: 'opentelemetry-proto trace.proto; seed guide',
}, (span, at, ctx) => {
  const maxNs = latestStart(ctx.config);
  const t = span.startNs;
  if (span.quirks & Quirk.NO_TIMES) return;
  if (t === 0n) reportRow(ctx, at.trace, at.row, `"${span.name}" has start time 0 (1970-01-01)`);
  else if (t < NS_2000) reportRow(ctx, at.trace, at.row, `"${span.name}" starts before 2000${t < 100_000_000_000_000_000n ? ': milliseconds or microseconds passed as nanoseconds?' : ''}`);
  else if (t > maxNs) reportRow(ctx, at.trace, at.row, `"${span.name}" starts more than a day in the future`);
});

export const spanZeroDuration = spanRule({
  id: 'span-zero-duration', category: 'lifecycle', severity: 'info',
  learn: 'Ended at once instead of wrapping the work.',
  why: 'A span should wrap the operation it describes. Ending it right after starting it records that something happened but not how long it took; an event on the surrounding span is often the better tool for a point in time.',
  source: 'OTel spec trace/api.md §Span',
}, (span, at, ctx) => {
  if (span.endNs !== 0n && span.endNs === span.startNs) reportRow(ctx, at.trace, at.row, `"${span.name}" has zero duration`);
});

export const statusInvalid = spanRule({
  id: 'status-invalid', category: 'lifecycle', severity: 'error',
  learn: 'The enum value is outside OTLP.',
  why: 'Status codes are 0 (Unset), 1 (Ok), 2 (Error) and span kinds 0..5 in OTLP. Any other value is invalid data that backends reject or misread; the producer or a converter wrote the wrong enum.',
  source: 'opentelemetry-proto trace.proto',
}, (span, at, ctx) => {
  if (![0, 1, 2].includes(span.status.code)) reportRow(ctx, at.trace, at.row, `status code ${span.status.code} is not 0, 1 or 2`);
  if (!Number.isInteger(span.kind) || span.kind < 0 || span.kind > 5) reportRow(ctx, at.trace, at.row, `span kind ${span.kind} is not 0..5`);
});

export const statusDescriptionWithoutError = spanRule({
  id: 'status-description-without-error', category: 'lifecycle', severity: 'warning',
  learn: 'A description is only allowed with Error.',
  why: 'The API says the description MUST be ignored for Ok and Unset: it exists to explain an Error. A message on a non-error span is lost by backends and usually means the status code was forgotten. Set the Error code along with the message, or drop the message.',
  source: 'OTel spec trace/api.md §Set Status',
}, (span, at, ctx) => {
  if (span.status.message !== '' && span.status.code !== StatusCode.ERROR) reportRow(ctx, at.trace, at.row, `status message "${span.status.message}" on a span whose status is not Error`);
});

export const exceptionWithoutError = spanRule({
  id: 'exception-without-error', category: 'lifecycle', severity: 'warning',
  learn: 'Record only exceptions that escape and fail the span; handled ones go to logs.',
  why: 'An exception event says the operation failed, but the status still says Unset, so error rates miss it. If the exception escaped, also set the status to Error; if it was handled and the operation succeeded, it belongs in a log record, not on the span.',
  source: 'OTel spec trace/exceptions.md §Recording an Exception; semconv general/recording-errors.md',
}, (span, at, ctx) => {
  if (span.status.code === StatusCode.UNSET && span.events.some((e) => e.name === 'exception')) reportRow(ctx, at.trace, at.row, `"${span.name}" records an exception but its status is Unset`);
});

export const exceptionEventShape = spanRule({
  id: 'exception-event-shape', category: 'lifecycle', severity: 'error',
  learn: 'Type or message is required to classify the error.',
  why: 'Backends group exceptions by exception.type and show exception.message; an exception event with neither cannot be classified. Use the SDK\u2019s recordException, which fills type, message and stacktrace.',
  source: 'semconv exceptions/exceptions-spans.md; OTel spec trace/exceptions.md',
}, (span, at, ctx) => {
  if (span.quirks & Quirk.NO_EVENT_ATTRIBUTES) return;
  for (const e of span.events) {
    if (e.name !== 'exception') continue;
    const has = (k: string): boolean => e.attributes.some((a) => a.key === k);
    if (!has('exception.type') && !has('exception.message')) reportRow(ctx, at.trace, at.row, 'exception event has neither exception.type nor exception.message');
    else if (!has('exception.stacktrace')) reportRow(ctx, at.trace, at.row, 'exception event has no exception.stacktrace', { severity: 'info' });
  }
});

export const errorTypeWithoutError = spanRule({
  id: 'error-type-without-error', category: 'lifecycle', severity: 'warning',
  learn: 'Successful operations should not carry `error.type`.',
  why: 'error.type classifies a failure; set on a span whose status is not Error it makes dashboards count failures that the status says did not happen. Set the Error status too, or remove error.type.',
  source: 'semconv general/recording-errors.md',
}, (span, at, ctx) => {
  if (span.status.code !== StatusCode.ERROR && attr(span.attributes, 'error.type') !== undefined) reportRow(ctx, at.trace, at.row, `error.type is set but the status is not Error`);
});

const over = (n: number | null): boolean => (n ?? 0) > 0;

/** Whether any count dropped-data lists is above 0, without building the list (the usual answer is no). */
function anyDropped(resourceDropped: number | null, span: SpanRecord): boolean {
  return over(span.droppedAttributesCount) || over(span.droppedEventsCount) || over(span.droppedLinksCount) || over(resourceDropped)
    || span.events.some((e) => over(e.droppedAttributesCount)) || span.links.some((l) => over(l.droppedAttributesCount));
}

export const droppedData = spanRule({
  id: 'dropped-data', category: 'lifecycle', severity: 'warning',
  learn: 'The SDK hit a limit (default 128) and discarded data you set.',
  why: 'Dropped counts mean the SDK discarded attributes, events or links because a limit was reached. What you recorded is not all there, silently. Raise the span limits or record less; a huge number of events usually belongs in logs.',
  source: 'OTel spec trace/sdk.md §Span Limits; common/README.md',
}, (span, at, ctx) => {
  if (span.quirks & Quirk.NO_DROPPED_COUNTS) return;
  if (!anyDropped(ctx.ds.resources[span.resourceIdx]?.droppedAttributesCount ?? 0, span)) return;
  const counts: Array<[string, number | null]> = [
    ['attributes', span.droppedAttributesCount], ['events', span.droppedEventsCount], ['links', span.droppedLinksCount],
    ['resource attributes', ctx.ds.resources[span.resourceIdx]?.droppedAttributesCount ?? 0],
  ];
  for (const e of span.events) counts.push(['event attributes', e.droppedAttributesCount]);
  for (const l of span.links) counts.push(['link attributes', l.droppedAttributesCount]);
  const dropped = counts.filter(([, n]) => (n ?? 0) > 0);
  if (dropped.length) reportRow(ctx, at.trace, at.row, `dropped ${dropped.map(([what, n]) => `${n} ${what}`).join(', ')}`);
});

export const childBeforeParentLocal = traceRule({
  id: 'child-before-parent-local', category: 'lifecycle', severity: 'warning',
  learn: "In one process a child can't start before its parent; check manual timestamps.",
  why: 'Within one process both spans read the same clock, so a child starting before its parent points at an explicit start time passed wrongly, or a parent started late. Across processes this would be clock skew; here it is a bug.',
  source: 'Jaeger ClockSkew adjuster',
}, (trace, ctx) => {
  forEachChildOfParent(ctx, trace, (child, parent, row) => {
    if (child.startNs < parent.startNs && sameProcess(ctx.ds, child, parent)) {
      reportRow(ctx, trace, row, `starts ${Number(parent.startNs - child.startNs) / 1e6} ms before its parent "${parent.name}" in the same process`);
    }
  });
});

export const childOutlivesParentLocal = traceRule({
  id: 'child-outlives-parent-local', category: 'lifecycle', severity: 'info',
  learn: 'Parent ended first: fire-and-forget (prefer a link) or `End()` too early, losing later data.',
  why: 'A child that ends after its parent in the same process is either background work that outlives the request (model it as a new trace with a link) or a parent ended too early, which hides the work the child did from the parent\u2019s duration.',
  source: 'seed guide; Honeycomb',
}, (trace, ctx) => {
  const slackNs = BigInt(Math.round(ctx.threshold('slackMs', 1) * 1e6));
  forEachChildOfParent(ctx, trace, (child, parent, row) => {
    if (parent.endNs !== 0n && child.endNs > parent.endNs + slackNs && sameProcess(ctx.ds, child, parent)) {
      reportRow(ctx, trace, row, `ends ${Number(child.endNs - parent.endNs) / 1e6} ms after its parent "${parent.name}"`);
    }
  });
});

export const LIFECYCLE_RULES = [
  spanNotEnded, spanNegativeDuration, timestampImplausible, spanZeroDuration, statusInvalid, statusDescriptionWithoutError,
  exceptionWithoutError, exceptionEventShape, errorTypeWithoutError, droppedData, childBeforeParentLocal, childOutlivesParentLocal,
];
