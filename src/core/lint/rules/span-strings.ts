// Every string a span carries, with where it sits, for the rules that look inside values (privacy, cost).
// A visitor rather than a generator: it runs for every span, and nested generators cost more than the scan.
import type { AnyValue, KeyValue, SpanRecord } from '../../model/records.ts';

/**
 * Called with each string and where it sits: `${prefix}${key}` is e.g. `name`, `status.message`,
 * `attribute db.query.text`, `event exception: exception.message` (key is '' for the span's own fields).
 * The two parts are passed apart so that nothing is built for the many strings a rule finds nothing in.
 */
export type StringVisitor = (value: string, prefix: string, key: string) => void;

function valueStrings(v: AnyValue, depth: number, visit: (value: string) => void): void {
  if (depth > 8) return;
  switch (v.type) {
    case 'string':
      visit(v.value);
      break;
    case 'array':
      for (const x of v.values) valueStrings(x, depth + 1, visit);
      break;
    case 'kvlist':
      for (const kv of v.values) valueStrings(kv.value, depth + 1, visit);
      break;
    default:
      break;
  }
}

function attrStrings(attrs: readonly KeyValue[], prefix: string, visit: StringVisitor): void {
  for (const kv of attrs) {
    const v = kv.value;
    if (v.type === 'string') visit(v.value, prefix, kv.key);
    else if (v.type === 'array' || v.type === 'kvlist') valueStrings(v, 0, (value) => visit(value, prefix, kv.key));
  }
}

/** The span's name, status message and the string values of its attributes, events and links, in that order. */
export function forEachSpanString(span: SpanRecord, visit: StringVisitor): void {
  visit(span.name, 'name', '');
  if (span.status.message) visit(span.status.message, 'status.message', '');
  attrStrings(span.attributes, 'attribute ', visit);
  for (const e of span.events) {
    visit(e.name, 'event name', '');
    attrStrings(e.attributes, `event ${e.name}: `, visit);
  }
  for (const l of span.links) attrStrings(l.attributes, 'link attribute ', visit);
}

/** String values of one attribute list (resource attributes, for example). */
export function forEachListString(attrs: readonly KeyValue[], prefix: string, visit: StringVisitor): void {
  attrStrings(attrs, prefix, visit);
}
