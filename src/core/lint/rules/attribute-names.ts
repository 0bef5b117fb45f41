// Attribute keys: present, unique, well-formed, namespaced, and consistent with the semconv registry.
// Sources: spec common/README.md §Attribute (keys non-empty, unique per collection); semconv
// docs/general/naming.md; weaver live-check default policies (invalid_format, missing_namespace,
// illegal_namespace, extends_namespace, missing_attribute); semconv model/otel/registry.yaml.
import type { KeyValue } from '../../model/records.ts';
import { allLists, formatOf, type AttributeList } from './attribute-lists.ts';
import { RENAMES } from './deprecated-table.ts';
import { reportRow, spanRule } from './define.ts';
import { memoByString } from '../../memo.ts';
import { isKnownKey, isNamespace, isRegistered, nearestKey } from './registry.ts';

// semconv docs/general/naming.md: lowercase, dot-separated namespaces, snake_case words.
const NAME_FORMAT = /^[a-z][a-z0-9]*([._][a-z0-9]+)*$/;
// Formats written by exporters that translate OTLP fields into tags (status, scope): see otel-namespace-misuse.
const NON_OTLP_FORMATS = new Set(['zipkin-json', 'jaeger-json']);

/** The proper dotted prefix of `key` that is a registered attribute but not itself used as a namespace. */
export const collidingPrefix: (key: string) => string | undefined = memoByString(collidingPrefixOf);

function collidingPrefixOf(key: string): string | undefined {
  if (isKnownKey(key)) return undefined;
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    // The registry itself turns some keys into namespaces (db.system → db.system.name): not this mistake.
    if (isRegistered(prefix) && !isNamespace(prefix)) return prefix;
  }
  return undefined;
}

function isDeprecated(key: string): boolean {
  return Object.hasOwn(RENAMES, key);
}

const NO_COUNTS: ReadonlyArray<readonly [string, number]> = [];

/**
 * How often each key occurs, in order of first occurrence (as a Map would iterate). Most lists are short and
 * have no repeated or empty key: that case is answered by a scan that allocates nothing.
 */
function keyCounts(attrs: readonly KeyValue[]): Iterable<readonly [string, number]> {
  let suspect = false;
  if (attrs.length <= 32) {
    for (let i = 0; i < attrs.length && !suspect; i++) {
      const key = attrs[i]!.key;
      if (key === '') suspect = true;
      for (let j = i + 1; j < attrs.length && !suspect; j++) if (attrs[j]!.key === key) suspect = true;
    }
    if (!suspect) return NO_COUNTS;
  }
  const counts = new Map<string, number>();
  for (const kv of attrs) counts.set(kv.key, (counts.get(kv.key) ?? 0) + 1);
  return counts;
}

export const attributeKeyInvalid = spanRule({
  id: 'attribute-key-invalid', category: 'semconv', severity: 'error',
  learn: 'Keys must be non-empty and unique per collection.',
  why: 'An attribute collection is a map: every key must be a non-empty string and appear once. With an empty key the value cannot be queried; with a repeated key, which value wins is undefined, so backends keep one at random or reject the data. Empty-string values are legal but usually mean a lookup failed; leave the attribute out instead.',
  source: 'spec common/README.md §Attribute; Tracetest no-empty-attributes',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const [key, num] of keyCounts(list.attributes)) {
      if (key === '') reportRow(ctx, at.trace, at.row, `${list.label} has an attribute with an empty key`);
      else if (num > 1) reportRow(ctx, at.trace, at.row, `${list.label} attribute ${key} appears ${num} times`);
    }
    for (const kv of list.attributes) {
      if (kv.key !== '' && kv.value.type === 'string' && kv.value.value === '') reportRow(ctx, at.trace, at.row, `${list.label} attribute ${kv.key} is an empty string`, { severity: 'info' });
    }
  }
});

export const attributeNameFormat = spanRule({
  id: 'attribute-name-format', category: 'semconv', severity: 'warning',
  learn: 'Names are lowercase dot-namespaced snake_case.',
  why: 'Semantic conventions name attributes in lowercase, with dots separating namespaces and underscores separating words (`http.response.status_code`). Keys such as `userId`, `HTTP-Status` or `order..id` break queries that expect the convention and collide with differently-cased copies. Rename the key; only the variable part of template keys (`http.request.header.<key>`) may use other characters.',
  source: 'semconv docs/general/naming.md; weaver invalid_format',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key } of list.attributes) {
      if (key === '' || NAME_FORMAT.test(key) || isKnownKey(key)) continue;
      reportRow(ctx, at.trace, at.row, `${list.label} attribute "${key}" is not lowercase dot-namespaced snake_case`);
    }
  }
});

export const attributeNoNamespace = spanRule({
  id: 'attribute-no-namespace', category: 'semconv', severity: 'info',
  learn: 'Keys without a namespace collide across libraries.',
  why: 'A key without a dot (`status`, `user`, `id`) says nothing about who set it or what it belongs to, and two libraries using the same bare key overwrite each other. Prefix custom attributes with a namespace of your own (`shop.order.id`), or use the semantic-convention key when one exists.',
  source: 'semconv docs/general/naming.md; weaver missing_namespace',
}, (span, at, ctx) => {
  const translated = NON_OTLP_FORMATS.has(formatOf(ctx.ds, span));
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key } of list.attributes) {
      // spec trace/sdk_exporters/{jaeger,zipkin}.md: `error` is how those formats carry the Error status.
      if (translated && key === 'error') continue;
      if (key !== '' && !key.includes('.') && !isRegistered(key)) reportRow(ctx, at.trace, at.row, `${list.label} attribute "${key}" has no namespace`);
    }
  }
});

export const attributeNamespaceCollision = spanRule({
  id: 'attribute-namespace-collision', category: 'semconv', severity: 'warning',
  learn: 'An attribute can\u2019t also be a namespace.',
  why: 'Attribute names form a tree: a registered attribute such as `http.route` is a leaf, so `http.route.id` turns it into a namespace. Backends that store attributes as nested objects (and the semantic-convention tooling) cannot hold both, and one of them is lost or renamed. Choose a key in your own namespace instead.',
  source: 'weaver illegal_namespace',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key } of list.attributes) {
      const prefix = collidingPrefix(key);
      if (prefix !== undefined) reportRow(ctx, at.trace, at.row, `${list.label} attribute ${key} uses the registered attribute ${prefix} as a namespace`);
    }
  }
});

interface Unregistered {
  readonly near: string | undefined;
  /** What follows the list's label in the message. */
  readonly text: string;
  /** The whole message for the common label `span`, made once: such keys repeat on every span. */
  readonly spanMessage: string;
}

/** null for a key attribute-unregistered accepts; else what to report (a pure function of the key). */
const unregistered = memoByString((key: string): Unregistered | null => {
  // Like weaver's extends_namespace: any registry namespace as a prefix (`db.` for `db.colection.name`).
  const dot = key.indexOf('.');
  if (dot <= 0 || !isNamespace(key.slice(0, dot))) return null;
  if (isKnownKey(key) || isDeprecated(key) || key.startsWith('otel.') || collidingPrefix(key) !== undefined) return null;
  const near = nearestKey(key);
  const text = `attribute ${key} is not in the semconv registry${near ? `: did you mean ${near}?` : ''}`;
  return { near, text, spanMessage: `span ${text}` };
});

export const attributeUnregistered = spanRule({
  id: 'attribute-unregistered', category: 'semconv', severity: 'info',
  learn: 'Probably a typo of a standard key.',
  why: 'This key sits in a namespace the semantic-convention registry owns (such as `http.request.` or `db.`) but is not one of its attributes. It is usually a typo or an invented variant of a standard key, which dashboards built on the conventions will never find. Use the registered key; put genuinely custom data under a namespace of your own.',
  source: 'weaver extends_namespace, missing_attribute; semconv model/**/registry.yaml',
}, (span, at, ctx) => {
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key } of list.attributes) {
      const verdict = unregistered(key);
      if (verdict === null) continue;
      const near = verdict.near;
      reportRow(ctx, at.trace, at.row, list.label === 'span' ? verdict.spanMessage : `${list.label} ${verdict.text}`, near ? { suggestion: near } : {});
    }
  }
});

// semconv model/otel/registry.yaml: otel.status_code/_description and otel.scope.* exist for exporters to
// formats without native fields (Zipkin, Jaeger); in OTLP the span's status and scope carry them.
const NATIVE_IN_OTLP = /^otel\.(status_code|status_description|scope\.|library\.)/;

function misuse(list: AttributeList, key: string, nativeFormat: boolean): { message: string; info: boolean } | undefined {
  if (!key.startsWith('otel.')) return undefined;
  if (!isRegistered(key)) return { message: `${list.label} attribute ${key} is in the reserved otel.* namespace but not in the registry`, info: false };
  if (list.level === 'span' && nativeFormat && NATIVE_IN_OTLP.test(key)) return { message: `span attribute ${key} duplicates a native OTLP field (status or instrumentation scope)`, info: true };
  return undefined;
}

export const otelNamespaceMisuse = spanRule({
  id: 'otel-namespace-misuse', category: 'semconv', severity: 'warning',
  learn: '`otel.*` is reserved; status and scope have native fields.',
  why: 'The `otel.*` namespace belongs to OpenTelemetry itself; custom keys there may clash with future conventions. `otel.status_code`, `otel.status_description` and `otel.scope.*` exist only for exporters to formats without native fields: in OTLP, set the span status with SetStatus and let the tracer\u2019s instrumentation scope carry the library name.',
  source: 'semconv docs/general/naming.md; model/otel/registry.yaml',
}, (span, at, ctx) => {
  const nativeFormat = !NON_OTLP_FORMATS.has(formatOf(ctx.ds, span));
  for (const list of allLists(ctx.ds, at.trace, at.row, span)) {
    for (const { key } of list.attributes) {
      const hit = misuse(list, key, nativeFormat);
      if (hit) reportRow(ctx, at.trace, at.row, hit.message, hit.info ? { severity: 'info' } : {});
    }
  }
});

export const ATTRIBUTE_NAME_RULES = [attributeKeyInvalid, attributeNameFormat, attributeNoNamespace, attributeNamespaceCollision, attributeUnregistered, otelNamespaceMisuse];
