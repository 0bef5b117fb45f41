// Semantic-convention rules (../shared/RULES.md, semconv family): renamed attributes and OTLP/JSON
// that other tools may reject. Sources: semconv registry `deprecated` entries and schema files; OTLP spec
// "JSON Protobuf Encoding".
import { Quirk, SpanKind } from '../../model/records.ts';
import { resolveRename } from './deprecated-table.ts';
import { reportRow, spanRule } from './define.ts';

/** "A (client) / B (server)" entries pick by span kind: the client side of a call gets server.*. */
function forKind(to: string, kind: number): string {
  const m = /^(.+) \(client\) \/ (.+) \(server\)$/.exec(to);
  if (!m) return to;
  return kind === SpanKind.SERVER || kind === SpanKind.CONSUMER ? m[2]! : m[1]!;
}

export const deprecatedAttribute = spanRule({
  id: 'deprecated-attribute', category: 'semconv', severity: 'warning',
  learn: 'Renamed key; current dashboards and backends look for the new one.',
  why: 'Semantic conventions renamed this attribute. Dashboards, alerts and backends built on current conventions look for the new key, so data sent under the old one silently falls out of them. Upgrade the instrumentation, or set OTEL_SEMCONV_STABILITY_OPT_IN to emit the new names.',
  source: 'semconv registry `deprecated`; schemas/',
}, (span, at, ctx) => {
  const resource = ctx.ds.resources[span.resourceIdx]?.attributes ?? [];
  const seen = new Set<string>();
  for (const kv of span.attributes) {
    const rename = resolveRename(kv.key);
    if (!rename || seen.has(kv.key)) continue;
    seen.add(kv.key);
    const to = forKind(rename.to, span.kind);
    const dual = span.attributes.some((other) => other.key === to);
    reportRow(ctx, at.trace, at.row, `${kv.key} is deprecated since semconv ${rename.since}: use ${to}${dual ? ' (both are sent)' : ''}`, {
      suggestion: to,
      ...(dual ? { severity: 'info' as const } : {}),
    });
  }
  // Resource attributes are reported once per trace, on its first row.
  if (at.row === 0) {
    for (const kv of resource) {
      const rename = resolveRename(kv.key);
      if (rename && !rename.spanOnly) reportRow(ctx, at.trace, at.row, `resource attribute ${kv.key} is deprecated since semconv ${rename.since}: use ${rename.to}`, { suggestion: rename.to });
    }
  }
});

export const otlpJsonNonconformant = spanRule({
  id: 'otlp-json-nonconformant', category: 'semconv', severity: 'warning',
  learn: 'OTLP/JSON needs integer enums and lowerCamelCase; other tools may reject it.',
  why: 'The OTLP/JSON encoding uses lowerCamelCase field names and integer enum values. Snake_case keys or enum names come from a generic protobuf-to-JSON conversion; Tracelens reads them, but collectors and backends may reject the payload. Use an OTLP exporter\u2019s JSON encoder.',
  source: 'OTLP specification, JSON Protobuf Encoding',
}, (span, at, ctx) => {
  const what = [span.quirks & Quirk.SNAKE_CASE ? 'snake_case field names' : '', span.quirks & Quirk.ENUM_NAMES ? 'enum names instead of integers' : ''].filter(Boolean);
  if (what.length) reportRow(ctx, at.trace, at.row, `the span was written with ${what.join(' and ')}`);
});

export const SEMCONV_RULES = [deprecatedAttribute, otlpJsonNonconformant];
