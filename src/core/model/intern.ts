// Sharing what spans repeat, so a million spans fit in a tab: decoders hand over fresh strings and objects
// for every span (JSON.parse and protobuf both do), yet trace ids, parent ids, names and most attributes
// repeat across spans. The builder keeps one copy of each while a load runs; the pools themselves are
// dropped with the builder, only the shared values stay. Values are immutable (readonly), so sharing is safe.
import type { KeyValue, SpanEvent, SpanInput, SpanLink, SpanStatus } from './records.ts';
import type { SpanContext } from './stored-span.ts';
import { isOneOffValue, OneOffShape, slotTypeCode, type SpanAttributes } from './one-off-attributes.ts';
import { NumbersPool } from './numbers-pool.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** Longer values are rarely repeated (URLs with ids, query text): pooling them would only cost. */
const MAX_POOLED_TEXT = 96;
/** Bounds each pool, so a hostile input of unique values cannot grow it without end. */
const MAX_POOL_ENTRIES = 1 << 20;

/** Longer attribute lists are shared by their KeyValues only. */
const MAX_POOLED_LIST = 32;

/**
 * An attribute key's values are pooled on trial: after this many look-ups, a key whose values were found
 * in the pool (or reused by a decoder, see reusedKeyValue) less than an eighth of the time (ids in URLs,
 * SQL text with literals, request ids) is no longer pooled. Each value of such a key would only cost a
 * look-up and a pool entry, and would keep its span's whole list from being shared. (2,000 values in
 * random order are found about 37% of the time by then.)
 */
export const KEY_TRIAL_LOOKUPS = 1024;

/** How one attribute key's values fare in the pool (see KEY_TRIAL_LOOKUPS). */
interface KeyTrial {
  lookups: number;
  hits: number;
  pooled: boolean;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** A span's list as kept: a decoder's own array (`decoded`) is copied, since a pushed array keeps room for 17. */
function kept(kvs: readonly KeyValue[], decoded: boolean): readonly KeyValue[] {
  return decoded ? kvs.slice() : kvs;
}

/** What a span and its context both hold, and a pooled context is found by besides trace state and input. */
type PooledFields = Pick<SpanContext, 'flags' | 'droppedAttributesCount' | 'droppedEventsCount' | 'droppedLinksCount' | 'resourceIdx' | 'scopeIdx' | 'quirks'>;

/** Whether pooled context `a` (which has no events or links) is the one for `b`'s fields and these two. */
function sameContext(a: SpanContext, b: PooledFields, traceState: string, inputIdx: number): boolean {
  return (
    a.traceState === traceState && a.flags === b.flags && a.droppedAttributesCount === b.droppedAttributesCount &&
    a.droppedEventsCount === b.droppedEventsCount && a.droppedLinksCount === b.droppedLinksCount && a.resourceIdx === b.resourceIdx &&
    a.scopeIdx === b.scopeIdx && a.inputIdx === inputIdx && a.quirks === b.quirks && a.events.length === 0 && a.links.length === 0
  );
}

/** One copy of each equal string up to `maxLength` characters, for at most `maxEntries` distinct ones. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly maxLength: number,
    private readonly maxEntries: number,
  ) {
    shapeOf(this);
  }

  get(s: string): string {
    if (s.length > this.maxLength) return s;
    const found = this.strings.get(s);
    if (found !== undefined) return found;
    if (this.strings.size < this.maxEntries) this.strings.set(s, s);
    return s;
  }
}

export class InternPool {
  private readonly strings = new StringPool(MAX_POOLED_TEXT, MAX_POOL_ENTRIES);
  private readonly kvs = new Map<string, KeyValue>();
  private readonly statuses = new Map<string, SpanStatus>();
  /**
   * The shared KeyValues themselves, numbered: a decoder that reuses one by its bytes (decode/byte-pool.ts)
   * skips the lookup, and lists of shared KeyValues are keyed by their numbers.
   */
  private readonly sharedKvs = new Map<KeyValue, number>();
  private readonly lists = new NumbersPool<readonly KeyValue[]>(MAX_POOL_ENTRIES);
  /**
   * Shapes of attribute lists with one value of their own, by the numbers of their shared KeyValues; the tag
   * tells the value's slot, type and key (its number in `oneOffKeys`) apart: see `shapeTag`.
   */
  private readonly shapes = new NumbersPool<OneOffShape>(MAX_POOL_ENTRIES);
  private readonly oneOffKeys = new Map<string, number>();
  /** Lists handed out by `sharedList`: a decoder that reuses one by its bytes passes it back as it is. */
  private readonly handedLists = new Set<readonly KeyValue[]>();
  private readonly contexts = new Map<string, SpanContext>();
  private previousContext: SpanContext | null = null;
  /** The status `status` was last given, and its answer. */
  private lastStatus: SpanStatus | undefined;
  private lastPooledStatus: SpanStatus = { code: 0, message: '' };
  private readonly keyTrials = new Map<string, KeyTrial>();

  constructor() {
    shapeOf(this);
  }

  string(s: string): string {
    return this.strings.get(s);
  }

  /**
   * One shared KeyValue per (key, scalar value); lists and maps, long values and the values of keys that
   * rarely repeat (see KEY_TRIAL_LOOKUPS) are kept as they are, with pooled keys.
   */
  keyValue(kv: KeyValue): KeyValue {
    return this.sharedKeyValue(kv) ?? this.withPooledKey(kv);
  }

  /**
   * `keyValue(kv)`, or undefined when the values of its key rarely repeat (see KEY_TRIAL_LOOKUPS): a decoder
   * that reuses values by their bytes should then not remember this one either.
   */
  sharedKeyValue(kv: KeyValue): KeyValue | undefined {
    if (this.sharedKvs.has(kv)) return kv;
    const v = kv.value;
    const scalar = v.type === 'string' || v.type === 'int' || v.type === 'bool' || v.type === 'double' || v.type === 'empty';
    if (!scalar) return this.withPooledKey(kv);
    const text = v.type === 'empty' ? '' : String(v.value);
    if (text.length > MAX_POOLED_TEXT) return this.withPooledKey(kv);
    const key = this.string(kv.key);
    let trial = this.keyTrials.get(key);
    if (trial === undefined) {
      trial = { lookups: 0, hits: 0, pooled: true };
      if (this.keyTrials.size < MAX_POOL_ENTRIES) this.keyTrials.set(key, trial);
    }
    if (!trial.pooled) return undefined;
    const id = `${key}\u0000${v.type}\u0000${text}`;
    const found = this.kvs.get(id);
    trial.lookups++;
    if (found) {
      trial.hits++;
      return found;
    }
    if (trial.lookups >= KEY_TRIAL_LOOKUPS && trial.hits * 8 < trial.lookups) {
      trial.pooled = false;
      return undefined;
    }
    const shared: KeyValue = { key, value: v.type === 'string' ? { type: 'string', value: this.string(v.value) } : v };
    if (this.kvs.size < MAX_POOL_ENTRIES) {
      this.kvs.set(id, shared);
      this.sharedKvs.set(shared, this.sharedKvs.size);
    }
    return shared;
  }

  /**
   * A decoder reused `kv` (a value this pool shared) from its byte cache for one more attribute: a repeat
   * this pool would not see otherwise, counted in its key's trial.
   */
  reusedKeyValue(kv: KeyValue): void {
    const trial = this.keyTrials.get(kv.key);
    if (trial !== undefined) {
      trial.lookups++;
      trial.hits++;
    }
  }

  /** A copy of `kv` holding the pooled key (`===` compares strings by content, so a copy is the only way to be sure). */
  private withPooledKey(kv: KeyValue): KeyValue {
    return { key: this.string(kv.key), value: kv.value };
  }

  /** Most spans share one of a few statuses ({0, ''}, {2, 'timeout'}). */
  status(st: SpanStatus): SpanStatus {
    // Decoders give one object for equal statuses (the OTLP ones: by their bytes, or the one "unset"), and
    // consecutive spans mostly have the same: the last answer saves making and hashing a key.
    if (st === this.lastStatus) return this.lastPooledStatus;
    let pooled = st;
    if (st.message.length <= MAX_POOLED_TEXT) {
      const id = `${st.code}\u0000${st.message}`;
      const found = this.statuses.get(id);
      if (found) pooled = found;
      else if (this.statuses.size < MAX_POOL_ENTRIES) this.statuses.set(id, st);
    }
    this.lastStatus = st;
    this.lastPooledStatus = pooled;
    return pooled;
  }

  /**
   * The list with its KeyValues shared; a list equal to an earlier one (same shared KeyValues in the same
   * order: every DB call of one statement, every step of one loop) is that earlier list.
   */
  attributes(list: readonly KeyValue[]): readonly KeyValue[] {
    if (list.length === 0) return EMPTY;
    if (this.handedLists.has(list)) return list;
    return this.pooledList(list.map((kv) => this.keyValue(kv)));
  }

  /**
   * A span's attributes: `attributes(list)`, or, when the decoder shared its KeyValues (SpanSink.addSpan's
   * `decoded`), the list as it is, with no KeyValue looked up or copied again (a KeyValue it declined holds
   * a key the decoder pooled by its bytes). When all but one of them are shared and that one holds one
   * string, the shape that spans alike share instead: the span keeps that string itself, read from `list`
   * at the shape's slot (one-off-attributes.ts). A decoder's list is copied when kept: its pushed array
   * keeps room for 17 (~110 B more per span, measured).
   */
  spanAttributes(list: readonly KeyValue[], decoded: boolean): SpanAttributes {
    if (list.length === 0) return EMPTY;
    if (this.handedLists.has(list)) return list;
    const kvs = decoded ? list : list.map((kv) => this.keyValue(kv));
    if (kvs.length > MAX_POOLED_LIST) return kept(kvs, decoded);
    let own = -1;
    const ids: number[] = [];
    for (let i = 0; i < kvs.length; i++) {
      const id = this.sharedKvs.get(kvs[i]!);
      if (id !== undefined) ids.push(id);
      else if (own !== -1) return kept(kvs, decoded);
      else own = i;
    }
    if (own === -1) return this.pooledList(kept(kvs, decoded), ids);
    const { key, value } = kvs[own]!;
    if (!isOneOffValue(value)) return kept(kvs, decoded);
    const tag = this.shapeTag(own, value.type, key);
    const found = tag < 0 ? undefined : this.shapes.get(ids, tag);
    if (found !== undefined) return found;
    const shape = new OneOffShape(this.pooledList(kvs.filter((_, i) => i !== own), ids), own, this.string(key), value.type);
    if (tag >= 0) this.shapes.set(ids, tag, shape);
    return shape;
  }

  /**
   * What tells shapes with the same shared KeyValues apart: the key's number times the slot-and-type codes
   * there can be (a pooled list's slot is below MAX_POOLED_LIST), plus the value's code; -1 for a key past
   * the pool's bound, whose shapes are not pooled.
   */
  private shapeTag(slot: number, type: OneOffShape['type'], key: string): number {
    let keyNum = this.oneOffKeys.get(key);
    if (keyNum === undefined) {
      if (this.oneOffKeys.size >= MAX_POOL_ENTRIES) return -1;
      this.oneOffKeys.set(key, (keyNum = this.oneOffKeys.size));
    }
    return keyNum * 4 * MAX_POOLED_LIST + slotTypeCode(slot, type);
  }

  /**
   * `attributes(list)`, remembered so that passing the result back later costs one Set look-up; undefined
   * when the list holds a value of a key that rarely repeats (see sharedKeyValue): such a list is unique
   * too, and a decoder that reuses lists by their bytes should not remember it.
   */
  sharedList(list: readonly KeyValue[]): readonly KeyValue[] | undefined {
    if (list.length === 0) return EMPTY;
    let declined = false;
    // map, not push: the array is kept, and map sizes it exactly (a pushed one keeps room for 17).
    const shared = list.map((kv) => this.sharedKeyValue(kv) ?? ((declined = true), kv));
    if (declined) return undefined;
    const kept = this.pooledList(shared);
    if (this.handedLists.size < MAX_POOL_ENTRIES) this.handedLists.add(kept);
    return kept;
  }

  /** The numbers of the list's KeyValues, or undefined when one of them is not shared. */
  private sharedIds(list: readonly KeyValue[]): number[] | undefined {
    const ids: number[] = [];
    for (const kv of list) {
      const id = this.sharedKvs.get(kv);
      if (id === undefined) return undefined;
      ids.push(id);
    }
    return ids;
  }

  /**
   * The earlier list equal to `shared` (KeyValues already shared), or `shared` itself; `knownIds`: the
   * numbers of its KeyValues when the caller has them.
   */
  private pooledList(shared: readonly KeyValue[], knownIds?: readonly number[]): readonly KeyValue[] {
    if (shared.length > MAX_POOLED_LIST) return shared;
    const ids = knownIds ?? this.sharedIds(shared);
    if (ids === undefined) return shared;
    const found = this.lists.get(ids, 0);
    if (found) return found;
    this.lists.set(ids, 0, shared);
    return shared;
  }

  /**
   * The context `context` last gave, when a span of these fields, without events or links, would get it
   * again; else null. Spans of one scope nearly always share one, and asking first saves building a
   * context per span only to compare it.
   */
  lastContext(s: SpanInput, traceState: string, inputIdx: number): SpanContext | null {
    const c = this.previousContext;
    return c !== null && s.events.length === 0 && s.links.length === 0 && sameContext(c, s, traceState, inputIdx) ? c : null;
  }

  /** One shared SpanContext per distinct value; consecutive spans mostly repeat the last one. */
  context(c: SpanContext): SpanContext {
    if (c.events.length > 0 || c.links.length > 0) return c;
    const last = this.previousContext;
    if (last && sameContext(last, c, c.traceState, c.inputIdx)) return last;
    const key = [c.traceState, c.flags, c.droppedAttributesCount, c.droppedEventsCount, c.droppedLinksCount, c.resourceIdx, c.scopeIdx, c.inputIdx, c.quirks].join('\u0000');
    let found = this.contexts.get(key);
    if (!found) {
      found = c;
      if (this.contexts.size < MAX_POOL_ENTRIES) this.contexts.set(key, c);
    }
    this.previousContext = found;
    return found;
  }

  events(list: readonly SpanEvent[]): readonly SpanEvent[] {
    return list.length === 0 ? EMPTY : list.map((e) => ({ ...e, name: this.string(e.name), attributes: this.attributes(e.attributes) }));
  }

  links(list: readonly SpanLink[]): readonly SpanLink[] {
    return list.length === 0 ? EMPTY : list.map((l) => ({ ...l, traceId: this.string(l.traceId), traceState: this.string(l.traceState), attributes: this.attributes(l.attributes) }));
  }
}

