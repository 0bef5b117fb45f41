// Resource rules: who produced the data (../shared/RULES.md, resource family). Sources:
// instrumentation-score RES-001/RES-005, semconv registry service.*, telemetry.sdk entity, trace.proto.
import { attr, Quirk } from '../../model/records.ts';
import { datasetRule } from './define.ts';
import type { RuleContext } from '../types.ts';

/** Where a resource (or scope) is first used: the first row, in trace order, of a span that uses it. */
interface FirstUse {
  readonly at: { traceId: string; spanId: string; row: number };
  readonly spanIdx: number;
}

/** Reports once per resource (or scope), on the first span that uses it. */
function firstSpanOf(ctx: RuleContext, pick: (spanIdx: number) => number): Map<number, FirstUse> {
  const out = new Map<number, FirstUse>();
  for (const trace of ctx.ds.traces) {
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const key = pick(spanIdx);
      if (!out.has(key)) out.set(key, { at: { traceId: trace.traceId, spanId: ctx.ds.span(spanIdx).spanId, row }, spanIdx });
    }
  }
  return out;
}

const perResource = (check: (attrs: ReturnType<typeof attrsOf>, ctx: RuleContext) => string | null) => (ctx: RuleContext): void => {
  for (const [resourceIdx, { at, spanIdx }] of firstSpanOf(ctx, (i) => ctx.ds.span(i).resourceIdx)) {
    if (ctx.ds.span(spanIdx).quirks & Quirk.NO_RESOURCE) continue;
    const message = check(attrsOf(ctx, resourceIdx), ctx);
    if (message) ctx.report({ ...at, message });
  }
};

function attrsOf(ctx: RuleContext, resourceIdx: number) {
  return ctx.ds.resources[resourceIdx]?.attributes ?? [];
}

export const serviceNameMissing = datasetRule({
  id: 'service-name-missing', category: 'resource', severity: 'error',
  learn: "Backends group by service; this data can't be attributed.",
  why: 'service.name is the one resource attribute every backend groups by. Without it (or with a non-string value) the spans land under an unknown service. Set OTEL_SERVICE_NAME or the service.name resource attribute.',
  source: 'instrumentation-score RES-005 (Critical)',
}, perResource((attrs) => {
  const v = attr(attrs, 'service.name');
  return v === undefined ? 'the resource has no service.name' : v.type !== 'string' || v.value === '' ? 'service.name is empty or not a string' : null;
}));

export const serviceNameDefault = datasetRule({
  id: 'service-name-default', category: 'resource', severity: 'warning',
  learn: 'The SDK used its fallback; set `OTEL_SERVICE_NAME`.',
  why: 'When no service name is configured, SDKs report unknown_service (with the process name appended in some languages). Every unnamed service then looks the same. Set OTEL_SERVICE_NAME in the deployment.',
  source: 'semconv registry service.name',
}, perResource((attrs) => {
  const v = attr(attrs, 'service.name');
  return v?.type === 'string' && v.value.startsWith('unknown_service') ? `service.name is the SDK's fallback "${v.value}"` : null;
}));

export const telemetrySdkMissing = datasetRule({
  id: 'telemetry-sdk-missing', category: 'resource', severity: 'info',
  learn: 'Required; identifies the SDK that produced the data.',
  why: 'telemetry.sdk.name, .language and .version tell which SDK (and version) produced the data, which is how SDK bugs and version-specific behaviour are traced back. SDKs set them unless a custom resource replaces the default one; merge with the default resource instead.',
  source: 'semconv telemetry.sdk entity',
}, perResource((attrs) => {
  const missing = ['telemetry.sdk.name', 'telemetry.sdk.language', 'telemetry.sdk.version'].filter((k) => attr(attrs, k) === undefined);
  return missing.length ? `the resource lacks ${missing.join(', ')}` : null;
}));

export const serviceInstanceIdMissing = datasetRule({
  id: 'service-instance-id-missing', category: 'resource', severity: 'info',
  learn: 'The instance id tells replicas apart.',
  why: 'service.instance.id distinguishes replicas of one service, so a slow pod or a bad host can be singled out. Set it (many SDKs generate a UUID when asked).',
  source: 'instrumentation-score RES-001',
}, perResource((attrs) => (attr(attrs, 'service.instance.id') === undefined ? 'the resource has no service.instance.id' : null)));

export const serviceIdentityIncomplete = datasetRule({
  id: 'service-identity-incomplete', category: 'resource', severity: 'info',
  learn: 'Version and environment separate deploys and prod from test.',
  why: 'service.version and deployment.environment.name let you compare one deploy with the next and keep test traffic apart from production. Set both from the build and the deployment.',
  source: 'seed guide',
}, perResource((attrs) => {
  const missing = ['service.version', 'deployment.environment.name'].filter((k) => attr(attrs, k) === undefined);
  return missing.length ? `the resource lacks ${missing.join(' and ')}` : null;
}));

export const scopeUnnamed = datasetRule({
  id: 'scope-unnamed', category: 'resource', severity: 'info',
  learn: "Noisy spans can't be traced to a library.",
  why: 'The instrumentation scope names the library (or module) that created the span. Without it, noisy or wrong spans cannot be traced back to the instrumentation to fix or disable. Pass a name to getTracer().',
  source: 'opentelemetry-proto InstrumentationScope',
}, (ctx) => {
  for (const [scopeIdx, { at, spanIdx }] of firstSpanOf(ctx, (i) => ctx.ds.span(i).scopeIdx)) {
    // Stay silent where the format cannot carry a scope at all. The quirks read are those of the span
    // reported: looking it up by its ids once found another input's copy of it (a Zipkin one, say).
    if ((ctx.ds.scopes[scopeIdx]?.name ?? '') === '' && (ctx.ds.span(spanIdx).quirks & Quirk.NO_SCOPE) === 0) {
      ctx.report({ ...at, message: 'the instrumentation scope has no name' });
    }
  }
});

export const RESOURCE_RULES = [serviceNameMissing, serviceNameDefault, telemetrySdkMissing, serviceInstanceIdMissing, serviceIdentityIncomplete, scopeUnnamed];
