// HTTP span rules (../shared/RULES.md, semconv family): the span name, the required attributes and the
// status mapping of HTTP client and server spans. Source: semconv docs/http/http-spans.md (§Name, §Status,
// HTTP client span, HTTP server span). Legacy keys (http.method, http.url, http.target...) are accepted
// where they carry the same fact: deprecated-attribute already asks for the rename.
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_HTTP_SCHEME,
  ATTR_HTTP_TARGET,
  ATTR_HTTP_URL,
  ATTR_NET_PEER_NAME,
  ATTR_NET_PEER_PORT,
  ATTR_URL_TEMPLATE,
} from '@opentelemetry/semantic-conventions/incubating';
import { SpanKind, StatusCode, type SpanRecord } from '../../model/records.ts';
import { has, httpMethod, httpStatus, str } from './family.ts';
import { reportRow, spanRule } from './define.ts';
import { memoByString } from '../../memo.ts';

/** The path the request really went to (url.path, else the path of url.full / http.target / http.url). */
function rawPath(span: SpanRecord): string | undefined {
  const a = span.attributes;
  const direct = str(a, ATTR_URL_PATH);
  if (direct) return direct;
  const target = str(a, ATTR_HTTP_TARGET);
  if (target) return target.split('?')[0];
  const full = str(a, ATTR_URL_FULL, ATTR_HTTP_URL);
  const m = full ? /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(full) : null;
  return m?.[1] || undefined;
}

/** A path segment that is an id, not a template: digits, a UUID, or a long hex string. */
const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;
const looksRaw = (target: string): boolean => target.startsWith('/') && target.split('/').some((seg) => ID_SEGMENT.test(seg));

/** What is wrong with an HTTP span's name, with the severity; undefined when it follows http-spans.md §Name. */
export function httpNameProblem(span: SpanRecord): { message: string; severity?: 'info' } | undefined {
  const original = httpMethod(span);
  if (original === undefined) return undefined;
  // §Name: {method} is http.request.method, or `HTTP` when the method is `_OTHER`.
  const method = original === '_OTHER' ? 'HTTP' : original;
  const target = span.kind === SpanKind.SERVER ? str(span.attributes, ATTR_HTTP_ROUTE) : span.kind === SpanKind.CLIENT ? str(span.attributes, ATTR_URL_TEMPLATE) : undefined;
  const expected = target ? `${method} ${target}` : method;
  const name = span.name;
  if (name === method || name === expected) return undefined;
  if (name.includes('?')) return { message: `"${name}" carries a query string; name HTTP spans "${expected}"` };
  // Before semconv 1.21 client spans were named "HTTP GET" and server spans "{http.route}" (RULES.md b.5).
  if (name === `HTTP ${method}` || (span.kind === SpanKind.SERVER && target !== undefined && name === target)) {
    return { message: `"${name}" is the pre-1.21 form; current conventions name it "${expected}"`, severity: 'info' };
  }
  const path = rawPath(span);
  const rest = name.startsWith(`${method} `) ? name.slice(method.length + 1) : undefined;
  // §Name: instrumentation MUST NOT default to the URI path as {target}.
  if ((path !== undefined && path !== target && (name === path || rest === path)) || looksRaw(rest ?? name)) {
    return { message: `"${name}" contains the raw request path; name HTTP spans "${expected}" (method plus route template)` };
  }
  if (rest === undefined) return { message: `"${name}" does not start with the method; expected "${expected}"` };
  // Another {target} MAY come from a custom hook; only a known, different template is a mismatch.
  if (target !== undefined) return { message: `"${name}" does not match the ${span.kind === SpanKind.SERVER ? 'route' : 'URL template'}; expected "${expected}"` };
  return undefined;
}

export const httpSpanName = spanRule({
  id: 'http-span-name', category: 'semconv', severity: 'warning',
  learn: 'Method plus route template, never the raw path.',
  why: 'HTTP span names are grouping keys: "GET /users/{id}" gathers every request to one endpoint, while "GET /users/123" makes one group per user, floods span-name indexes and hides the endpoint\u2019s latency. The conventions name HTTP spans "{method} {target}", where target is http.route on servers and url.template on clients, or just "{method}" when no low-cardinality target is known (and "HTTP" when the method is _OTHER). Let the framework instrumentation set the route, or update the name once the route is known.',
  source: 'semconv http/http-spans.md §Name',
}, (span, at, ctx) => {
  const problem = httpNameProblem(span);
  if (problem) reportRow(ctx, at.trace, at.row, problem.message, problem.severity ? { severity: problem.severity } : {});
});

export const httpRequiredAttrs = spanRule({
  id: 'http-required-attrs', category: 'semconv', severity: 'warning',
  learn: 'Required keys make HTTP spans comparable.',
  why: 'The HTTP conventions make a few attributes Required so every backend can answer the same questions: which URL and server a client called (url.full, server.address, server.port), which path and scheme a server answered (url.path, url.scheme), and how it ended (http.response.status_code, or error.type when no response came). Without them spans from different libraries cannot be compared or grouped, and error dashboards miss the call. Upgrade or configure the instrumentation so it records them; http.route on server spans is what groups requests by endpoint.',
  source: 'semconv http/http-spans.md (HTTP client span, HTTP server span)',
}, (span, at, ctx) => {
  if (httpMethod(span) === undefined || (span.kind !== SpanKind.SERVER && span.kind !== SpanKind.CLIENT)) return;
  const a = span.attributes;
  const missing: string[] = [];
  if (span.kind === SpanKind.SERVER) {
    if (!has(a, ATTR_URL_PATH, ATTR_HTTP_TARGET)) missing.push(ATTR_URL_PATH);
    if (!has(a, ATTR_URL_SCHEME, ATTR_HTTP_SCHEME)) missing.push(ATTR_URL_SCHEME);
  } else {
    if (!has(a, ATTR_SERVER_ADDRESS, ATTR_NET_PEER_NAME)) missing.push(ATTR_SERVER_ADDRESS);
    if (!has(a, ATTR_SERVER_PORT, ATTR_NET_PEER_PORT)) missing.push(ATTR_SERVER_PORT);
    if (!has(a, ATTR_URL_FULL, ATTR_HTTP_URL)) missing.push(ATTR_URL_FULL);
  }
  // Conditionally required: a status code if one was received/sent, error.type if the request failed;
  // with neither, the span does not say how the request ended.
  if (httpStatus(span) === undefined && !has(a, ATTR_ERROR_TYPE)) missing.push('http.response.status_code (or error.type)');
  const side = span.kind === SpanKind.SERVER ? 'server' : 'client';
  if (missing.length) reportRow(ctx, at.trace, at.row, `HTTP ${side} span "${span.name}" lacks ${missing.join(', ')}`);
  if (span.kind === SpanKind.SERVER && !has(a, ATTR_HTTP_ROUTE)) reportRow(ctx, at.trace, at.row, `HTTP server span "${span.name}" has no http.route, so requests can't be grouped by endpoint`, { severity: 'info' });
});

export const httpStatusMapping = spanRule({
  id: 'http-status-mapping', category: 'semconv', severity: 'warning',
  learn: 'Server 4xx is the caller\u2019s fault; server 5xx and client \u2265 400 are errors.',
  why: 'Span status feeds error rates. For a server, a 4xx answer means the caller sent a bad request: the server worked, so its span status stays Unset; a 5xx answer is the server\u2019s failure and must be Error. For a client any status of 400 or more means its call failed and should be Error. 1xx to 3xx are successes unless something else went wrong, which error.type then names. Don\u2019t repeat the status code in the description: it is already in http.response.status_code.',
  source: 'semconv http/http-spans.md §Status',
}, (span, at, ctx) => {
  const code = httpMethod(span) === undefined ? undefined : httpStatus(span);
  if (code === undefined) return;
  const say = (message: string, severity?: 'info'): void => reportRow(ctx, at.trace, at.row, message, severity ? { severity } : {});
  const status = span.status.code;
  const isError = status === StatusCode.ERROR;
  if (span.kind === SpanKind.SERVER && code >= 500 && !isError) say(`server answered ${code} but the span status is not Error`);
  if (span.kind === SpanKind.SERVER && code >= 400 && code < 500 && isError) say(`server answered ${code} (the caller\u2019s fault) but the span status is Error; leave it Unset`);
  if (span.kind === SpanKind.CLIENT && code >= 400 && status === StatusCode.UNSET) say(`client got ${code} but the span status is Unset; set Error`, 'info');
  if (code >= 100 && code < 400 && isError && !has(span.attributes, ATTR_ERROR_TYPE)) say(`status ${code} is a success, yet the span is Error without an error.type saying what failed`, 'info');
  // "Don't set the span status description if the reason can be inferred from http.response.status_code."
  if (isError && repeatsStatusCode(span.status.message, code)) {
    say(`the status description "${span.status.message}" only repeats the status code`, 'info');
  }
});

/**
 * repeatsStatusCode's pattern for one code (as text), built once rather than per span. A compiled pattern
 * costs more than most remembered answers, so fewer are kept (codes are a few hundred at most).
 */
const statusOnly = memoByString(
  (code) => new RegExp(`^(?=(\\s*))\\1(?:HTTP(?=(\\s*))\\2)?(?:status(?:(?=(\\s*))\\3code)?(?=(\\s*))\\4:?(?=(\\s*))\\5)?${code}\\b\\D*$`, 'i'),
  1_000,
);

/**
 * Whether a status description only repeats the code ("500", "HTTP 500", "Status code: 500 Internal Server
 * Error"). Each blank run is atomic, `(?=(\s*))\1`: as `\s*` next to `\s*`, they traded blanks, and a description
 * of "status" and 4,000 blanks took 12 ms, 4-8 times more per doubling (src/core/README.md, "Patterns over
 * input"). Built once per code.
 */
export function repeatsStatusCode(message: string, code: number): boolean {
  return statusOnly(String(code)).test(message);
}

export const HTTP_RULES = [httpSpanName, httpRequiredAttrs, httpStatusMapping];
