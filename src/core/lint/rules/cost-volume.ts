// Cost rules about volume: big values, probe traffic, low-level and tiny spans (../shared/RULES.md, cost
// family). Sources: seed guide; instrumentation-score SPA-001 (INTERNAL spans per trace and service) and
// SPA-005 (short spans per trace).
import { attrString, SpanKind, type AnyValue, type KeyValue } from '../../model/records.ts';
import type { TraceModel } from '../../model/assemble.ts';
import type { RuleContext } from '../types.ts';
import { reportRow, spanRule, traceRule } from './define.ts';

/** UTF-8 size of a string without allocating an encoded copy. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function valueBytes(v: AnyValue, depth = 0): number {
  if (depth > 8) return 0;
  switch (v.type) {
    case 'string':
      return utf8Bytes(v.value);
    case 'bytes':
      return v.value.length / 2;
    case 'array':
      return v.values.reduce((n, x) => n + valueBytes(x, depth + 1), 0);
    case 'kvlist':
      return v.values.reduce((n, kv) => n + valueBytes(kv.value, depth + 1), 0);
    default:
      return 0;
  }
}

const KIB = 1024;
const kib = (n: number): string => `${(n / KIB).toFixed(1)} KiB`;

export const hugeAttributeValue = spanRule({
  id: 'huge-attribute-value', category: 'cost', severity: 'warning',
  learn: 'Big values cost storage and egress and are often truncated.',
  why: 'Every attribute value is stored, indexed and shipped with each span. Multi-kilobyte values (payloads, whole documents, query texts, stack traces of deep recursion) multiply storage and egress costs, and SDK or backend limits cut them anyway. Record a summary or a size instead, set attribute value length limits (OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT), or move bulky data to logs.',
  source: 'seed guide',
}, (span, at, ctx) => {
  const limits: SizeLimits = {
    maxBytes: ctx.threshold('maxBytes', 4 * KIB), maxQueryBytes: ctx.threshold('maxQueryBytes', 2 * KIB), maxStackBytes: ctx.threshold('maxStacktraceBytes', 16 * KIB),
  };
  checkSizes(span.attributes, '', limits, at, ctx);
  for (const e of span.events) checkSizes(e.attributes, `event ${e.name}: `, limits, at, ctx);
});

interface SizeLimits { readonly maxBytes: number; readonly maxQueryBytes: number; readonly maxStackBytes: number }

// A function of its own rather than a closure made for every span.
function checkSizes(attrs: readonly KeyValue[], where: string, limits: SizeLimits, at: { readonly trace: TraceModel; readonly row: number }, ctx: RuleContext): void {
  for (const kv of attrs) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8, so a short string cannot exceed 1 KiB: skip the count.
    const v = kv.value;
    if (v.type === 'int' || v.type === 'bool' || v.type === 'double' || (v.type === 'string' && v.value.length * 3 <= KIB)) continue;
    const size = valueBytes(v);
    if (size <= KIB) continue;
    const limit = kv.key === 'db.query.text' || kv.key === 'db.statement' ? limits.maxQueryBytes : kv.key === 'exception.stacktrace' ? limits.maxStackBytes : limits.maxBytes;
    // Stack traces are routinely over 1 KiB: only their own limit applies.
    if (size > limit) reportRow(ctx, at.trace, at.row, `${where}${kv.key} is ${kib(size)} (limit ${kib(limit)})`);
    else if (kv.key !== 'exception.stacktrace') reportRow(ctx, at.trace, at.row, `${where}${kv.key} is ${kib(size)}`, { severity: 'info' });
  }
}

const PROBE_PATH = /\/(?:health|healthz|ready|readyz|livez|ping|metrics)\/?$/i;
const PROBE_UA = /kube-probe|ELB-HealthChecker/i;

export const healthCheckSpan = spanRule({
  id: 'health-check-span', category: 'cost', severity: 'info',
  learn: 'Probes flood storage; drop them in the sampler or Collector.',
  why: 'Liveness and readiness probes, load-balancer health checks, metrics scrapes and synthetic monitors hit a service every few seconds on every replica. Their spans are identical, say nothing about users and can outnumber real requests. Drop them with a sampler rule or a Collector filter on the route or user agent.',
  source: 'seed guide',
}, (span, at, ctx) => {
  if (span.kind !== SpanKind.SERVER) return;
  const path = attrString(span.attributes, 'http.route') ?? attrString(span.attributes, 'url.path') ?? span.name.split(' ').pop() ?? '';
  const rpc = attrString(span.attributes, 'rpc.method') ?? span.name;
  const ua = attrString(span.attributes, 'user_agent.original') ?? '';
  const synthetic = attrString(span.attributes, 'user_agent.synthetic.type');
  const why = PROBE_PATH.test(path.slice(0, 2048)) ? `path ${path.slice(0, 80)}`
    : rpc.includes('grpc.health.v1.Health/') ? 'gRPC health check'
      : PROBE_UA.test(ua.slice(0, 1024)) ? `user agent ${ua.slice(0, 40)}`
        : synthetic !== undefined ? `synthetic traffic (${synthetic.slice(0, 20)})` : '';
  if (why) reportRow(ctx, at.trace, at.row, `"${span.name.slice(0, 80)}" looks like a health check or probe: ${why}`);
});

const NOISY_SCOPE = /^@opentelemetry\/instrumentation-(?:fs|dns|net)$/;
const NOISY_NAME = /^(?:fs [\w.]+|dns\.lookup\w*|tcp\.connect|tls\.connect|ipc\.connect)$/;

export const noisyLowLevelSpans = traceRule({
  id: 'noisy-low-level-spans', category: 'cost', severity: 'info',
  learn: 'Low-level I/O spans rarely help and dominate volume.',
  why: 'File-system, DNS and socket instrumentations create a span per syscall-level operation. They rarely explain a slow request (the HTTP or database span above them already does) but can make up most of a trace. Disable those instrumentations, or only keep them while chasing a specific I/O problem.',
  source: 'seed guide',
}, (trace, ctx) => {
  const maxPercent = ctx.threshold('maxPercent', 20);
  let numNoisy = 0;
  let firstRow = -1;
  for (let row = 0; row < trace.numRows; row++) {
    const span = ctx.ds.span(trace.spanIdx[row]!);
    if (NOISY_SCOPE.test(ctx.ds.scopes[span.scopeIdx]?.name ?? '') || NOISY_NAME.test(span.name)) {
      numNoisy++;
      if (firstRow < 0) firstRow = row;
    }
  }
  const percent = (100 * numNoisy) / Math.max(1, trace.numRows);
  if (numNoisy > 0 && percent > maxPercent) reportRow(ctx, trace, firstRow, `${numNoisy} of ${trace.numRows} spans (${percent.toFixed(0)}%) are fs/dns/net spans (more than ${maxPercent}%)`);
});

/** instrumentation-score SPA-001: "≤ 10 INTERNAL spans per trace and service" (fixed, so the score matches). */
const MAX_INTERNAL_PER_SERVICE = 10;

export const tooManyInternalSpans = traceRule({
  id: 'too-many-internal-spans', category: 'cost', severity: 'info',
  learn: 'Many internal spans add overhead and hide the slow part.',
  why: 'Instrumentation Score SPA-001 expects at most 10 INTERNAL spans per service in one trace. Dozens of in-process spans (a span per function or per loop iteration) cost CPU and storage and bury the spans that matter. Keep spans at meaningful boundaries; record loop counts and timings as attributes or events.',
  source: 'instrumentation-score SPA-001',
}, (trace, ctx) => {
  const perService = new Map<number, { n: number; row: number }>();
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    if (ctx.ds.span(spanIdx).kind !== SpanKind.INTERNAL) continue;
    const svc = ctx.ds.spanService[spanIdx]!;
    const e = perService.get(svc) ?? { n: 0, row };
    e.n++;
    perService.set(svc, e);
  }
  for (const [svc, { n, row }] of perService) {
    if (n > MAX_INTERNAL_PER_SERVICE) reportRow(ctx, trace, row, `service ${ctx.ds.services[svc] ?? ''} has ${n} INTERNAL spans in this trace (more than ${MAX_INTERNAL_PER_SERVICE})`);
  }
});

/** instrumentation-score SPA-005: "no more than 20 spans … with a duration of less than 5 ms" per trace. */
const MAX_SHORT_SPANS = 20;
const SHORT_NS = 5_000_000n;

export const tooManyShortSpans = traceRule({
  id: 'too-many-short-spans', category: 'cost', severity: 'info',
  learn: 'Many tiny spans mean too-fine instrumentation.',
  why: 'Instrumentation Score SPA-005 expects at most 20 spans shorter than 5 ms per trace. Many tiny spans usually come from instrumenting hot helper functions or per-item work: the span overhead becomes a noticeable part of the work and the trace view turns into noise. Aggregate them into one span with counts, or remove the fine-grained spans.',
  source: 'instrumentation-score SPA-005',
}, (trace, ctx) => {
  let numShort = 0;
  let firstRow = -1;
  for (let row = 0; row < trace.numRows; row++) {
    const s = ctx.ds.span(trace.spanIdx[row]!);
    // Unended or negative spans have no real duration: other rules report them.
    if (s.endNs === 0n || s.endNs < s.startNs || s.endNs - s.startNs >= SHORT_NS) continue;
    numShort++;
    if (firstRow < 0) firstRow = row;
  }
  if (numShort > MAX_SHORT_SPANS) reportRow(ctx, trace, firstRow, `${numShort} spans are shorter than 5 ms (more than ${MAX_SHORT_SPANS})`);
});

export const COST_VOLUME_RULES = [hugeAttributeValue, healthCheckSpan, noisyLowLevelSpans, tooManyInternalSpans, tooManyShortSpans];
