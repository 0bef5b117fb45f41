// Attribute values and levels: registry types, enum members (current and renamed), and which OTLP level
// (resource or span) a key belongs to. Sources: semconv model/**/registry.yaml (types, enum members),
// docs/http/http-spans.md (http.request.method), weaver live-check (type_mismatch, undefined_enum_variant),
// Instrumentation Score RES-004.
import type { AnyValue, KeyValue } from '../../model/records.ts';
import { allLists, firstWithResource, formatOf } from './attribute-lists.ts';
import { REGISTRY_TYPES, type RegistryType } from './attribute-types.ts';
import { resolveEnumRename } from './deprecated-table.ts';
import { reportRow, spanRule } from './define.ts';
import { memoByString } from '../../memo.ts';
import { enumMembers } from './registry.ts';

export const deprecatedEnumValue = spanRule({
  id: 'deprecated-enum-value', category: 'semconv', severity: 'warning',
  learn: 'Renamed enum value (`publish` \u2192 `send`).',
  why: 'Semantic conventions renamed this enum member (for example `messaging.operation.type=publish` became `send`, and the `db.system` products became namespaced `db.system.name` values such as `microsoft.sql_server`). Queries and dashboards built on current conventions match the new value only. Upgrade the instrumentation or map the value in the Collector.',
  source: 'semconv model/**/registry.yaml enum members',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key, value } of list.attributes) {
      if (value.type !== 'string') continue;
      const now = resolveEnumRename(key, value.value);
      if (!now) continue;
      const message = now.value === ''
        ? `${list.label} ${key}=${value.value} was dropped from ${now.key} with no standard replacement`
        : `${list.label} ${key}=${value.value} is a renamed value: use ${now.key}=${now.value}`;
      reportRow(ctx, at.trace, at.row, message, now.value === '' ? {} : { suggestion: `${now.key}=${now.value}` });
    }
  }
});

function typeMatches(expected: RegistryType, v: AnyValue): boolean {
  switch (expected) {
    case 'string': return v.type === 'string';
    case 'int': return v.type === 'int';
    case 'double': return v.type === 'double' || v.type === 'int';
    case 'boolean': return v.type === 'bool';
    case 'string[]': return v.type === 'array' && v.values.every((x) => x.type === 'string');
    default: {
      const never: never = expected;
      return never;
    }
  }
}

function describe(v: AnyValue): string {
  if (v.type === 'string') return `the string ${JSON.stringify(v.value.length > 40 ? `${v.value.slice(0, 40)}\u2026` : v.value)}`;
  if (v.type === 'int' || v.type === 'double') return `the ${v.type} ${v.value}`;
  if (v.type === 'bool') return `the bool ${String(v.value)}`;
  return `a${v.type === 'array' ? 'n' : ''} ${v.type} value`;
}

// Zipkin tags are strings by definition: the format cannot say what type the producer used.
const UNTYPED_FORMATS = new Set(['zipkin-json']);

export const attributeTypeMismatch = spanRule({
  id: 'attribute-type-mismatch', category: 'semconv', severity: 'warning',
  learn: 'Numeric filters and histograms break on strings.',
  why: 'Each registered attribute has one type: `http.response.status_code` and `server.port` are integers, `messaging.destination.temporary` is a boolean. A value sent as the string "200" or "true" is stored as text, so range filters (status \u2265 500), histograms and joins with correctly-typed data miss it. Set the attribute with a number or boolean, not its text.',
  source: 'weaver type_mismatch; semconv model/**/registry.yaml',
}, (span, at, ctx) => {
  if (UNTYPED_FORMATS.has(formatOf(ctx.ds, span))) return;
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key, value } of list.attributes) {
      const expected = REGISTRY_TYPES.get(key);
      if (!expected || value.type === 'truncated' || value.type === 'empty' || typeMatches(expected, value)) continue;
      reportRow(ctx, at.trace, at.row, `${list.label} attribute ${key} is ${describe(value)}; the registry type is ${expected}`);
    }
  }
});

const OPEN_ENUMS = new Set(['deployment.environment.name']);

function enumProblem(key: string, value: AnyValue, list: readonly KeyValue[]): { message: string; severity: 'warning' | 'info' } | undefined {
  const members = enumMembers(key);
  if (!members) return undefined;
  if (key === 'http.request.method') {
    // docs/http/http-spans.md: the known methods, case-sensitive; anything else is _OTHER plus the original.
    if (value.type !== 'string' || !members.has(value.value)) return { message: `http.request.method ${describe(value)} is not a known method (case-sensitive); use _OTHER and set http.request.method_original`, severity: 'warning' };
    if (value.value === '_OTHER' && !list.some((kv) => kv.key === 'http.request.method_original')) return { message: 'http.request.method is _OTHER without http.request.method_original', severity: 'warning' };
    return undefined;
  }
  // An enum whose only member is _OTHER (error.type) is open by design, and deployment.environment.name
  // lists "well-known values" of a free-form name (model/deployment/registry.yaml): any value is fine.
  if ((members.size === 1 && members.has('_OTHER')) || OPEN_ENUMS.has(key)) return undefined;
  const raw = value.type === 'string' ? value.value : value.type === 'int' ? Number(value.value) : undefined;
  if (raw === undefined || typeof [...members][0] !== typeof raw || members.has(raw)) return undefined;
  if (typeof raw === 'string' && resolveEnumRename(key, raw)) return undefined; // deprecated-enum-value says it better
  return { message: `${key}=${String(raw)} is not one of the registry's values`, severity: 'info' };
}

export const enumValueUnknown = spanRule({
  id: 'enum-value-unknown', category: 'semconv', severity: 'warning',
  learn: 'Fixed value sets keep grouping consistent.',
  why: 'Some attributes take values from a fixed list. `http.request.method` must be one of the standard methods in upper case, or `_OTHER` with the original in `http.request.method_original`, so that a flood of made-up methods cannot explode cardinality. For other registry enums (`db.system.name`, `messaging.operation.type`\u2026) custom values are allowed but tools only recognise the listed ones; check for a typo or a standard value that fits.',
  source: 'semconv docs/http/http-spans.md; weaver undefined_enum_variant',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key, value } of list.attributes) {
      const problem = enumProblem(key, value, list.attributes);
      if (problem) reportRow(ctx, at.trace, at.row, `${list.label} ${problem.message}`, { severity: problem.severity });
    }
  }
});

const RESOURCE_NAMESPACES = ['service.', 'host.', 'k8s.', 'cloud.', 'deployment.', 'telemetry.sdk.', 'telemetry.distro.', 'container.', 'os.'];
const SPAN_NAMESPACES = ['http.', 'url.', 'db.', 'rpc.', 'messaging.', 'server.', 'client.', 'error.', 'exception.'];
// Registry keys in resource namespaces that conventions put on spans: service.peer.* (the called service,
// model/service/registry.yaml), cloud.region (AWS SDK spans, docs/cloud-providers/aws-sdk.md) and
// cloud.resource_id (FaaS spans when the id is only known per invocation, model/cloud/registry.yaml).
const SPAN_LEVEL_EXCEPTIONS = /^(service\.peer\.|cloud\.region$|cloud\.resource_id$)/;
// Zipkin has no resource: OpenTelemetry's Zipkin exporter copies resource attributes into every span's tags.
const NO_RESOURCE_FORMATS = new Set(['zipkin-json']);

/** A key of a resource namespace that conventions do not allow on spans (remembered per key). */
const resourceKeyOnSpan = memoByString((k) => RESOURCE_NAMESPACES.some((p) => k.startsWith(p)) && !SPAN_LEVEL_EXCEPTIONS.test(k));

export const attributeWrongLevel = spanRule({
  id: 'attribute-wrong-level', category: 'semconv', severity: 'warning',
  learn: 'Tools look for each key at one OTLP level.',
  why: 'OTLP separates who produced the data (the Resource: service, host, Kubernetes, cloud) from what happened (span attributes: HTTP, database, messaging). Backends index resource keys once per batch and look up span keys per span; a key at the other level is missed by service maps, filters and the Instrumentation Score. Set service/host/cloud keys on the Resource (OTEL_RESOURCE_ATTRIBUTES or a detector) and operation keys on the span.',
  source: 'Instrumentation Score RES-004',
}, (span, at, ctx) => {
  if (NO_RESOURCE_FORMATS.has(formatOf(ctx.ds, span))) return;
  let onSpan: string[] | undefined;
  for (const { key } of span.attributes) if (resourceKeyOnSpan(key)) (onSpan ??= []).push(key);
  if (onSpan) reportRow(ctx, at.trace, at.row, `span carries resource attributes ${onSpan.join(', ')}; set them on the Resource`);
  // The resource is checked on the first row of the trace that uses it (see sharedLists).
  if (!firstWithResource(ctx.ds, at.trace, at.row, span)) return;
  const onResource = (ctx.ds.resources[span.resourceIdx]?.attributes ?? []).map((a) => a.key).filter((k) => SPAN_NAMESPACES.some((p) => k.startsWith(p)));
  if (onResource.length) reportRow(ctx, at.trace, at.row, `resource carries span attributes ${onResource.join(', ')}; set them on the spans`);
});

export const ATTRIBUTE_VALUE_RULES = [deprecatedEnumValue, attributeTypeMismatch, enumValueUnknown, attributeWrongLevel];
