// Every string a span carries, with where it sits, for the rules that look inside values (privacy, cost).
import type { AnyValue, KeyValue, SpanRecord } from '../../model/records.ts';

export interface Located {
  /** e.g. `name`, `status.message`, `attribute db.query.text`, `event exception: exception.message`. */
  readonly where: string;
  readonly key: string;
  readonly value: string;
}

function* valueStrings(v: AnyValue, depth: number): Generator<string> {
  if (depth > 8) return;
  switch (v.type) {
    case 'string':
      yield v.value;
      break;
    case 'array':
      for (const x of v.values) yield* valueStrings(x, depth + 1);
      break;
    case 'kvlist':
      for (const kv of v.values) yield* valueStrings(kv.value, depth + 1);
      break;
    default:
      break;
  }
}

function* attrStrings(attrs: readonly KeyValue[], prefix: string): Generator<Located> {
  for (const kv of attrs) {
    for (const value of valueStrings(kv.value, 0)) yield { where: `${prefix}${kv.key}`, key: kv.key, value };
  }
}

/** The span's name, status message and the string values of its attributes, events and links. */
export function* spanStrings(span: SpanRecord): Generator<Located> {
  yield { where: 'name', key: '', value: span.name };
  if (span.status.message) yield { where: 'status.message', key: '', value: span.status.message };
  yield* attrStrings(span.attributes, 'attribute ');
  for (const e of span.events) {
    yield { where: 'event name', key: '', value: e.name };
    yield* attrStrings(e.attributes, `event ${e.name}: `);
  }
  for (const l of span.links) yield* attrStrings(l.attributes, 'link attribute ');
}

/** String values of one attribute list (resource attributes, for example). */
export function* listStrings(attrs: readonly KeyValue[], prefix: string): Generator<Located> {
  yield* attrStrings(attrs, prefix);
}
