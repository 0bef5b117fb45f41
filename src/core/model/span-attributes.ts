// Reading a span's attributes without forming its list: a span kept as a shape and a value of its own
// (one-off-attributes.ts) forms a new list each time `attributes` is read, which a pass over a million rows
// pays a million times (in-trace search at 1M rows went from 21 to 63–85 ms, its direct pass from 0.2 to
// 1.2 s, `npm run bench`'s waterfall section). Hot passes ask through these instead.
import { OneOffShape } from './one-off-attributes.ts';
import { attr, type AnyValue, type SpanRecord } from './records.ts';
import { StoredSpan } from './stored-span.ts';

/** A span whose attributes are a shape its `ownValue` completes. */
export type OneOffSpan = StoredSpan & { readonly attributeStore: OneOffShape; readonly ownValue: string };

export function isOneOffSpan(s: SpanRecord): s is OneOffSpan {
  return s instanceof StoredSpan && s.attributeStore instanceof OneOffShape;
}

/** `attr(s.attributes, key)`: the first attribute with that key, in the order the span gave them. */
export function spanAttr(s: SpanRecord, key: string): AnyValue | undefined {
  if (!isOneOffSpan(s)) return attr(s.attributes, key);
  const shape = s.attributeStore;
  const { shared, slot } = shape;
  const own = shape.key === key;
  for (let i = 0; i < shared.length; i++) {
    if (i === slot && own) break;
    if (shared[i]!.key === key) return shared[i]!.value;
  }
  return own ? shape.value(s.ownValue) : undefined;
}
