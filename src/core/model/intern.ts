// Sharing what spans repeat, so a million spans fit in a tab: decoders hand over fresh strings and objects
// for every span (JSON.parse and protobuf both do), yet trace ids, parent ids, names and most attributes
// repeat across spans. The builder keeps one copy of each while a load runs; the pools themselves are
// dropped with the builder, only the shared values stay. Values are immutable (readonly), so sharing is safe.
import type { KeyValue, SpanEvent, SpanLink, SpanStatus } from './records.ts';

/** Longer values are rarely repeated (URLs with ids, query text): pooling them would only cost. */
const MAX_POOLED_TEXT = 96;
/** Bounds each pool, so a hostile input of unique values cannot grow it without end. */
const MAX_POOL_ENTRIES = 1 << 20;

const EMPTY: readonly never[] = Object.freeze([]);

export class InternPool {
  private readonly strings = new Map<string, string>();
  private readonly kvs = new Map<string, KeyValue>();
  private readonly statuses = new Map<string, SpanStatus>();
  /** The shared KeyValues themselves: a decoder that reuses one by its bytes (decode/byte-pool.ts) skips the lookup. */
  private readonly sharedKvs = new Set<KeyValue>();

  string(s: string): string {
    if (s.length > MAX_POOLED_TEXT) return s;
    const found = this.strings.get(s);
    if (found !== undefined) return found;
    if (this.strings.size < MAX_POOL_ENTRIES) this.strings.set(s, s);
    return s;
  }

  /** One shared KeyValue per (key, scalar value); lists and maps are kept as they are, with pooled keys. */
  keyValue(kv: KeyValue): KeyValue {
    if (this.sharedKvs.has(kv)) return kv;
    const v = kv.value;
    const scalar = v.type === 'string' || v.type === 'int' || v.type === 'bool' || v.type === 'double' || v.type === 'empty';
    if (!scalar) return kv.key === this.string(kv.key) ? kv : { key: this.string(kv.key), value: v };
    const text = v.type === 'empty' ? '' : String(v.value);
    if (text.length > MAX_POOLED_TEXT) return { key: this.string(kv.key), value: v };
    const id = `${kv.key}\u0000${v.type}\u0000${text}`;
    const found = this.kvs.get(id);
    if (found) return found;
    const shared: KeyValue = { key: this.string(kv.key), value: v.type === 'string' ? { type: 'string', value: this.string(v.value) } : v };
    if (this.kvs.size < MAX_POOL_ENTRIES) {
      this.kvs.set(id, shared);
      this.sharedKvs.add(shared);
    }
    return shared;
  }

  /** Most spans share one of a few statuses ({0, ''}, {2, 'timeout'}). */
  status(st: SpanStatus): SpanStatus {
    if (st.message.length > MAX_POOLED_TEXT) return st;
    const id = `${st.code}\u0000${st.message}`;
    const found = this.statuses.get(id);
    if (found) return found;
    if (this.statuses.size < MAX_POOL_ENTRIES) this.statuses.set(id, st);
    return st;
  }

  attributes(list: readonly KeyValue[]): readonly KeyValue[] {
    return list.length === 0 ? EMPTY : list.map((kv) => this.keyValue(kv));
  }

  events(list: readonly SpanEvent[]): readonly SpanEvent[] {
    return list.length === 0 ? EMPTY : list.map((e) => ({ ...e, name: this.string(e.name), attributes: this.attributes(e.attributes) }));
  }

  links(list: readonly SpanLink[]): readonly SpanLink[] {
    return list.length === 0 ? EMPTY : list.map((l) => ({ ...l, traceId: this.string(l.traceId), traceState: this.string(l.traceState), attributes: this.attributes(l.attributes) }));
  }
}

