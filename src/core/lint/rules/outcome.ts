// Outcome rules: how a span reports success or failure (../shared/RULES.md, lifecycle family).
// Sources: OTel spec trace/api.md §Set Status and §Record Exception; semconv general/recording-errors.md,
// http/http-spans.md §Status.
import { attr, Quirk, SpanKind, StatusCode } from '../../model/records.ts';
import { reportRow, spanRule } from './define.ts';
import { httpStatusNumber, isDb, isHttp, isMsg, isRpc } from './span-facts.ts';

export const okMasksError = spanRule({
  id: 'ok-masks-error', category: 'lifecycle', severity: 'info',
  learn: 'Ok is final and makes tools hide errors.',
  why: 'The API makes Ok final: once a span is Ok, later attempts to set Error are ignored, and backends count the span as a success. Here the span also says it failed (an exception event, error.type, or an HTTP status that semconv maps to Error), so error rates and alerts miss the failure. Leave the status Unset on success and set Error on failure; set Ok only where application code knows better than the instrumentation.',
  source: 'OTel spec trace/api.md §Set Status; semconv http/http-spans.md §Status',
}, (span, at, ctx) => {
  if (span.status.code !== StatusCode.OK) return;
  const signs: string[] = [];
  if (span.events.some((e) => e.name === 'exception')) signs.push('an exception event');
  const errorType = attr(span.attributes, 'error.type');
  if (errorType !== undefined) signs.push('error.type');
  const status = httpStatusNumber(span);
  // semconv http-spans §Status: 5xx is an error for both sides, 4xx also for the CLIENT that sent the request.
  if (status !== undefined && (status >= 500 || (status >= 400 && span.kind === SpanKind.CLIENT))) signs.push(`HTTP status ${status}`);
  if (signs.length) reportRow(ctx, at.trace, at.row, `status is Ok but the span has ${signs.join(', ')}`);
});

// Scope names of OpenTelemetry's own instrumentation libraries, per language: Java (io.opentelemetry.okhttp-3.0),
// JS (@opentelemetry/instrumentation-http), Go (go.opentelemetry.io/contrib/instrumentation/...), Python
// (opentelemetry.instrumentation.flask), .NET (OpenTelemetry.Instrumentation.AspNetCore), Ruby
// (OpenTelemetry::Instrumentation::Rack).
const OTEL_LIBRARY = [
  /^io\.opentelemetry\./,
  /^@opentelemetry\/instrumentation-/,
  /contrib\/instrumentation/,
  /^opentelemetry\.instrumentation\./i,
  /^OpenTelemetry::Instrumentation::/,
];

export const statusOkFromLibrary = spanRule({
  id: 'status-ok-from-library', category: 'lifecycle', severity: 'info',
  learn: 'Libraries leave status Unset; Ok is for application code.',
  why: 'The API says instrumentation libraries SHOULD NOT set Ok unless configured to: Unset already means "no error", and Ok is final, so a library that sets it takes away the application\u2019s chance to mark the operation failed. Check the library\u2019s configuration or version; application code may set Ok itself where it knows the outcome.',
  source: 'OTel spec trace/api.md §Set Status',
}, (span, at, ctx) => {
  if (span.status.code !== StatusCode.OK || span.quirks & Quirk.NO_SCOPE) return;
  const scope = ctx.ds.scopes[span.scopeIdx]?.name ?? '';
  if (OTEL_LIBRARY.some((re) => re.test(scope))) reportRow(ctx, at.trace, at.row, `instrumentation library "${scope}" set the status to Ok`);
});

export const errorWithoutErrorType = spanRule({
  id: 'error-without-error-type', category: 'lifecycle', severity: 'info',
  learn: 'Failed operations carry a low-cardinality `error.type` for grouping.',
  why: 'For HTTP, database, RPC and messaging operations, semconv asks that a failed operation set error.type (an exception class, a status code, or "_OTHER") alongside the Error status. Without it failures cannot be grouped by cause in dashboards and metrics derived from spans. Set error.type where you set the Error status.',
  source: 'semconv general/recording-errors.md',
}, (span, at, ctx) => {
  if (span.status.code !== StatusCode.ERROR || attr(span.attributes, 'error.type') !== undefined) return;
  const family = isHttp(span) ? 'HTTP' : isDb(span) ? 'database' : isRpc(span) ? 'RPC' : isMsg(span) ? 'messaging' : '';
  if (family) reportRow(ctx, at.trace, at.row, `failed ${family} span without error.type`);
});

export const exceptionEventMisnamed = spanRule({
  id: 'exception-event-misnamed', category: 'lifecycle', severity: 'warning',
  learn: 'Backends only recognise the exact name `exception`.',
  why: 'An exception is recorded as an event named exactly "exception" with exception.* attributes; that is what RecordException writes and what backends look for to show errors and stack traces. An event carrying exception.* attributes under another name ("error", "Exception") is shown as a plain log line. Use the SDK\u2019s recordException, or name the event "exception".',
  source: 'OTel spec trace/api.md §Record Exception; semconv exceptions/exceptions-spans.md',
}, (span, at, ctx) => {
  for (const e of span.events) {
    if (e.name !== 'exception' && e.attributes.some((a) => a.key.startsWith('exception.'))) {
      reportRow(ctx, at.trace, at.row, `event "${e.name}" carries exception.* attributes but is not named "exception"`);
    }
  }
});

export const OUTCOME_RULES = [okMasksError, statusOkFromLibrary, errorWithoutErrorType, exceptionEventMisnamed];
