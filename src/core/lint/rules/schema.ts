// Schema URLs: OTLP ResourceSpans/ScopeSpans carry `schema_url` (trace.proto), naming the semconv version
// the data follows (https://opentelemetry.io/schemas/<version>, semconv `schemas/`). Tools use it to
// translate renames; it only helps if the keys sent match the version declared.
import type { KeyValue } from '../../model/records.ts';
import { firstWithResource, firstWithResourceAndScope, formatOf, ownLists } from './attribute-lists.ts';
import { RENAMES, resolveRename, sinceVersion } from './deprecated-table.ts';
import { reportRow, spanRule } from './define.ts';

type Version = readonly [number, number];

export function schemaVersion(url: string): Version | undefined {
  const m = /\/schemas\/(\d+)\.(\d+)(?:\.\d+)?\/?$/.exec(url);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const after = (a: Version, b: Version): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const show = (v: Version): string => `${v[0]}.${v[1]}`;

// Keys that first appeared as the direct replacement of a renamed key (RULES.md b.1, not chain-resolved):
// e.g. http.request.method exists from 1.21. Sending it under an older schema_url is the "added > v" case.
const INTRODUCED_BY_RENAME = [
  'http.method', 'http.status_code', 'http.url', 'http.scheme', 'net.host.name', 'net.host.port', 'db.name', 'db.operation', 'db.statement',
  'db.system', 'messaging.operation', 'rpc.system', 'deployment.environment', 'peer.service', 'code.filepath', 'code.lineno', 'code.column',
  'rpc.response.status_code',
];
export const ADDED_IN: ReadonlyMap<string, Version> = new Map(
  INTRODUCED_BY_RENAME.flatMap((old) => {
    const rename = RENAMES[old];
    const v = rename && sinceVersion(rename.since);
    return rename && v ? [[rename.to, v] as const] : [];
  }),
);

/** What in `attributes` contradicts a declared schema version. */
export function mismatches(attributes: readonly KeyValue[], declared: Version): string[] {
  const out: string[] = [];
  for (const { key } of attributes) {
    const rename = resolveRename(key);
    const since = rename && sinceVersion(rename.since);
    if (since && !after(since, declared)) out.push(`${key} (deprecated in ${rename.since})`);
    const added = ADDED_IN.get(key);
    if (added && after(added, declared)) out.push(`${key} (added in ${show(added)})`);
  }
  return out;
}

// Formats that cannot carry schema_url, or whose decoder does not read it: silence rather than guess.
const NO_SCHEMA_FORMATS = new Set(['zipkin-json', 'jaeger-json', 'python-console', 'collector-debug']);

export const schemaVersionMismatch = spanRule({
  id: 'schema-version-mismatch', category: 'semconv', severity: 'info',
  learn: 'The declared semconv version doesn\u2019t match what is sent.',
  why: 'The schema_url on a resource or scope says which semantic-convention version the data follows, and tools use it to translate keys between versions. If a key renamed before that version (or introduced after it) is sent anyway, translation goes wrong: the instrumentation and its declared version disagree. Update the instrumentation, or declare the version it really emits.',
  source: 'semconv schemas/; trace.proto schema_url',
}, (span, at, ctx) => {
  const resource = ctx.ds.resources[span.resourceIdx];
  const scope = ctx.ds.scopes[span.scopeIdx];
  const spanSchema = scope?.schemaUrl || resource?.schemaUrl || '';
  const spanVersion = schemaVersion(spanSchema);
  if (spanVersion) {
    const found = ownLists(span).flatMap((l) => mismatches(l.attributes, spanVersion));
    if (found.length) reportRow(ctx, at.trace, at.row, `declares semconv ${show(spanVersion)} (${spanSchema}) but sends ${[...new Set(found)].join(', ')}`);
  }
  const resourceVersion = schemaVersion(resource?.schemaUrl ?? '');
  if (resource && resourceVersion && firstWithResource(ctx.ds, at.trace, at.row, span)) {
    const found = mismatches(resource.attributes, resourceVersion);
    if (found.length) reportRow(ctx, at.trace, at.row, `resource declares semconv ${show(resourceVersion)} but sends ${found.join(', ')}`);
  }
});

export const schemaUrlMissing = spanRule({
  id: 'schema-url-missing', category: 'semconv', severity: 'info',
  learn: 'Without it, tools can\u2019t translate renames automatically.',
  why: 'OTLP lets each ResourceSpans and ScopeSpans declare a schema_url such as https://opentelemetry.io/schemas/1.26.0. With it, a backend or the Collector\u2019s schema processor can translate renamed attributes between versions automatically; without it, they must guess which conventions the data follows. Set the schema URL on the tracer (getTracer options) or the Resource.',
  source: 'trace.proto ResourceSpans/ScopeSpans schema_url',
}, (span, at, ctx) => {
  if (NO_SCHEMA_FORMATS.has(formatOf(ctx.ds, span)) || !firstWithResourceAndScope(ctx.ds, at.trace, at.row, span)) return;
  const resource = ctx.ds.resources[span.resourceIdx];
  const scope = ctx.ds.scopes[span.scopeIdx];
  if (resource?.schemaUrl || scope?.schemaUrl) return;
  reportRow(ctx, at.trace, at.row, `neither the resource nor the scope${scope?.name ? ` ${scope.name}` : ''} declares a schema_url`);
});

export const SCHEMA_RULES = [schemaVersionMismatch, schemaUrlMissing];
