// An OTLP/JSON document shaped to reach every part of the byte scanner (otlp/json-scan-frames.ts), for the
// tests that cut it into chunks.
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/otlp/sdk-2.x/checkout-four-services.json', import.meta.url), 'utf8')) as {
  resourceSpans: Array<{ resource: Json; scopeSpans: Array<{ scope: Json; spans: Json[] }> }>;
};

/**
 * The SDK's four services, reshaped to reach every frame: a resource and a scope after their spans, each
 * with a schemaUrl after them too, unknown keys at every level holding each kind of value, escapes and
 * non-ASCII text in names, blanks everywhere JSON allows them (also before a colon).
 */
export function shapedDocument(): string {
  const [first, second, ...rest] = fixture.resourceSpans;
  const span0 = first!.scopeSpans[0]!.spans[0]!;
  const oddSpan = { ...span0, name: 'GET "/a\\b" é ✓ \u2028', 'x.num': -12.5e3, 'x.lit': [true, false, null], 'x.obj': { s: '}]"{', n: [] } };
  // A span bigger than the kept bytes' first buffer (4 KiB): carried across a cut, they must grow.
  const [scope1, ...scopesAfter] = first!.scopeSpans.slice(1);
  const bigSpan = { ...scope1!.spans[0]!, attributes: [{ key: 'exception.stacktrace', value: { stringValue: 'Error: at f (a.js:1:2)\n'.repeat(400) } }] };
  const scopes = [{ ...first!.scopeSpans[0]!, spans: [oddSpan, ...first!.scopeSpans[0]!.spans.slice(1)] }, { ...scope1!, spans: [bigSpan, ...scope1!.spans.slice(1)] }, ...scopesAfter];
  const resourceLast = { scopeSpans: scopes, resource: first!.resource, schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' };
  const [ss0, ...ssRest] = second!.scopeSpans;
  const scopeLast = { spans: ss0!.spans, 'x.unknown': 'still read', scope: ss0!.scope, schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' };
  const doc = { resourceSpans: [resourceLast, { ...second, scopeSpans: [scopeLast, ...ssRest], 'x.rs': 7 }, ...rest], 'x.request': { nested: ['a', { b: 1 }] } };
  return JSON.stringify(doc, null, 1).replace(/"(\w+)": /g, '"$1" :\n  ');
}

