// Field-level reading for the OTLP/JSON byte scanner (json-scan.ts): object keys, the scalar conversions
// json-walk.ts applies (str, count, time, enum, id, flags — kept in step with it, checked by the
// differential tests), attributes and AnyValues. Whatever the walker would warn about, or read differently
// (snake_case keys, duplicate keys), throws NOT_FAST so the caller falls back to JSON.parse + walk.
import type { AnyValue, KeyValue, Sharing } from '../../model/records.ts';
import { Quirk } from '../../model/records.ts';
import { parseUnixNanos, type UnixNanos } from '../../model/time.ts';
import { AttributeReuse } from '../attribute-reuse.ts';
import { BytePool, LookupGate } from '../byte-pool.ts';
import { IdPool } from '../id-pool.ts';
import { byteAt, COMPOSITE, isDigit, notFast, ScalarReader, skipValue, skipWs, stringEnd, stringText, ascii, digitsValue, ObjectEnd, type Scalar } from './json-bytes.ts';
import { MAX_VALUE_DEPTH } from './json-walk.ts';
import { hexWords, normalizeTextId } from './ids.ts';
import { EMPTY_VALUE, F, pickValue } from './json-scan-keys.ts';
import { KeyReader } from './json-scan-key-reader.ts';
import { JsonAttributeCodec, readAttributeRun, RunWriter } from './json-attribute-run.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

export class FieldReader {
  /** `sharing`: the copies the sink keeps of new KeyValues and lists (SpanSink.shareKeyValue, shareAttributes), reused here. */
  constructor(sharing: Sharing = {}) {
    this.reuse = new AttributeReuse(sharing);
    this.encode = sharing.encodeAttributes;
    shapeOf(this);
  }

  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  /** Quirks of the span being read. */
  quirks = 0;
  private readonly scalar = new ScalarReader();
  private lastSeconds = -1;
  private readonly ends = new ObjectEnd();
  private lastSecondsNs = 0n;
  private readonly keys = new KeyReader();
  private readonly reuse: AttributeReuse;
  /** Where the sink keeps attributes as bytes (SpanSink.encodeAttributes), if it does; see spanAttributes. */
  private readonly encode: Sharing['encodeAttributes'];
  private readonly run = new RunWriter();
  private readonly runGate = new LookupGate();
  private readonly codec = new JsonAttributeCodec();
  private readonly strings = new BytePool<string>();
  /** Trace ids (four words), by value (id-pool.ts). */
  private readonly traceIds = new IdPool(4);

  /** Lets go of the input read last: the reader lives for its whole input, the keys of its runs as long as the dataset. */
  release(): void {
    this.buf = new Uint8Array(0);
    this.codec.keys.forgetInput();
  }

  // --- structure -------------------------------------------------------------------------------------
  /** At `open` (after whitespace): true when the object/array has a first member. */
  first(open: number, close: number): boolean {
    if (byteAt(this.buf, this.pos) !== open) notFast();
    this.pos = skipWs(this.buf, this.pos + 1);
    if (byteAt(this.buf, this.pos) !== close) return true;
    this.pos++;
    return false;
  }

  /** After a member: true when another follows. */
  next(close: number): boolean {
    const c = byteAt(this.buf, (this.pos = skipWs(this.buf, this.pos)));
    if (c === 0x2c) {
      this.pos = skipWs(this.buf, this.pos + 1);
      return true;
    }
    if (c !== close) notFast();
    this.pos++;
    return false;
  }

  /** Reads `"key":` and returns its field id, leaving pos at the value. */
  key(): number {
    const buf = this.buf;
    const id = this.keys.read(buf, this.pos);
    this.pos = skipWs(buf, this.keys.end);
    if (byteAt(buf, this.pos) !== 0x3a) notFast();
    this.pos = skipWs(buf, this.pos + 1);
    return id;
  }

  skip(): void {
    this.pos = skipValue(this.buf, this.pos);
  }

  /** True when the value at pos is an object (else it is left for the caller to skip). */
  isObject(): boolean {
    return byteAt(this.buf, this.pos) === 0x7b;
  }

  /** A list field: null is an empty list; anything but an array would make the walker warn. */
  list(): boolean {
    const c = byteAt(this.buf, this.pos);
    if (c === 0x6e) {
      this.skip();
      return false;
    }
    if (c !== 0x5b) notFast();
    return this.first(0x5b, 0x5d);
  }

  any(): Scalar {
    const v = this.scalar.read(this.buf, this.pos);
    this.pos = this.scalar.end;
    return v;
  }

  // --- the walker's conversions ----------------------------------------------------------------------
  str(): string {
    const buf = this.buf;
    if (byteAt(buf, this.pos) === 0x22) {
      const start = this.pos;
      const end = (this.pos = stringEnd(buf, start));
      const hash = this.strings.hash(buf, start, end);
      let s = this.strings.get(buf, start, end, hash);
      if (s === undefined) this.strings.set(buf, start, end, (s = stringText(buf, start, end)), hash);
      return s;
    }
    const v = this.any();
    return typeof v === 'number' ? String(v) : '';
  }

  count(): number {
    const v = this.any();
    const n = typeof v === 'string' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  }

  time(): UnixNanos {
    const buf = this.buf;
    const start = this.pos;
    if (byteAt(buf, start) === 0x22) {
      let i = start + 1;
      const neg = byteAt(buf, i) === 0x2d;
      if (neg) i++;
      const digits = i;
      while (isDigit(byteAt(buf, i))) i++;
      const n = i - digits;
      if (byteAt(buf, i) === 0x22 && n >= 1 && n <= 20) {
        this.pos = i + 1;
        // Whole seconds and the nanoseconds apart, each exact as a double; neighbouring spans mostly share
        // their second, so its bigint is kept (a BigInt of the 19-digit text costs twice as much, measured).
        const lo = digitsValue(buf, n > 9 ? i - 9 : digits, i);
        let t = BigInt(lo);
        if (n > 9) {
          const hi = digitsValue(buf, digits, i - 9);
          if (hi !== this.lastSeconds) this.lastSecondsNs = BigInt((this.lastSeconds = hi)) * 1_000_000_000n;
          t += this.lastSecondsNs;
        }
        return neg ? -t : t;
      }
    }
    const v = this.any();
    if (v === null || v === '') return 0n;
    const t = v === COMPOSITE ? null : parseUnixNanos(v);
    return t === null ? notFast() : t;
  }

  enumValue(names: Record<string, number>): number {
    const v = this.any();
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      if (/^\d+$/.test(v)) return Number(v);
      const named = names[v];
      if (named !== undefined) {
        if (!Object.hasOwn(names, v)) notFast(); // `constructor` & co.: the walker's plain lookup finds those
        this.quirks |= Quirk.ENUM_NAMES;
        return named;
      }
      return -1;
    }
    return 0;
  }

  flags(): number | null {
    const v = this.any();
    return typeof v === 'number' && Number.isInteger(v) ? v >>> 0 : null;
  }

  /**
   * A trace id (`numBytes` 16, pooled: it repeats on every span of its trace) or span id (8: a link's, or
   * one `spanIdWords` did not take). Hex is lowercased as normalizeTextId does.
   */
  id(numBytes: 8 | 16): string {
    const buf = this.buf;
    const start = this.pos;
    const pool = numBytes === 16 ? this.traceIds : null;
    const seen = hexWords(buf, start, numBytes, pool ? pool.key : this.words);
    if (seen >= 0) {
      const end = (this.pos = start + 2 + numBytes * 2);
      let s = pool?.get();
      if (s === undefined) {
        s = seen & 16 ? ascii(buf, start + 1, end - 1).toLowerCase() : ascii(buf, start + 1, end - 1);
        pool?.add(s);
      }
      return s;
    }
    const v = this.any();
    if (typeof v !== 'string') return '';
    const id = normalizeTextId(v, numBytes);
    if (id.wasBase64) this.quirks |= Quirk.BASE64_IDS;
    return id.hex;
  }

  /** The two words of the span id just read by `spanIdWords`. */
  readonly words = new Int32Array(2);

  /**
   * A span id of 16 hex digits (either case) as two words into `words`, no string made (the sink keeps ids
   * as words, SpanInput.spanIdHi): true when it was one; else nothing is read, for `id` to read it.
   */
  spanIdWords(): boolean {
    if (hexWords(this.buf, this.pos, 8, this.words) < 0) return false;
    this.pos += 18;
    return true;
  }

  // --- attributes and values -------------------------------------------------------------------------
  /**
   * An attributes array. Spans of one operation repeat theirs byte for byte, so a whole array read before
   * (fully, by the loop below) is reused by one look-up.
   */
  attributes(): readonly KeyValue[] {
    if (byteAt(this.buf, this.pos) !== 0x5b || !this.reuse.looksUpList()) return this.attributeItems();
    return this.lookedUpAttributes();
  }

  /**
   * A span's attributes: `attributes()`, or, while lists keep missing the pool (LookupGate), the handle of
   * the list kept by the sink as a compact run of its bytes (json-attribute-run.ts) when it has that layout.
   */
  spanAttributes(): readonly KeyValue[] | number {
    const encode = this.encode;
    if (encode === undefined || byteAt(this.buf, this.pos) !== 0x5b) return this.attributes();
    if (this.reuse.looksUpList()) return this.lookedUpAttributes();
    const start = this.pos;
    // Lists of another layout (an array value on every span) would be read twice each: such runs stop being tried for a while.
    const gate = this.runGate;
    if (gate.isOpen()) {
      const isRun = readAttributeRun(this, this.run, this.codec.keys);
      gate.record(isRun);
      if (isRun) {
        const handle = encode(this.codec, this.run.bytes, 0, this.run.length);
        if (handle >= 0) return handle;
      }
    }
    this.pos = start;
    return this.attributeItems();
  }

  /** The array at `pos`, looked up by its bytes first. */
  private lookedUpAttributes(): readonly KeyValue[] {
    const buf = this.buf;
    const start = this.pos;
    const reuse = this.reuse;
    const end = this.ends.find(buf, start);
    const hash = this.ends.hash;
    const known = reuse.knownList(buf, start, end, hash);
    if (known !== undefined) {
      this.pos = end;
      return known;
    }
    const list = this.attributeItems();
    if (this.pos !== end) notFast();
    return reuse.keptList(buf, start, end, hash, list);
  }

  private attributeItems(): KeyValue[] {
    const out: KeyValue[] = [];
    const reuse = this.reuse;
    for (let more = this.list(); more; more = this.next(0x5d)) {
      if (!this.isObject()) notFast(); // the walker warns about a non-object attribute
      const start = this.pos;
      const end = this.ends.find(this.buf, start);
      const hash = this.ends.hash;
      let kv = reuse.knownKeyValue(this.buf, start, end, hash);
      if (kv === undefined) {
        kv = this.keyValue(0);
        if (this.pos !== end) notFast();
        kv = reuse.keptKeyValue(this.buf, start, end, hash, kv);
      } else this.pos = end;
      out.push(kv);
    }
    return out;
  }

  /** One `{"key": …, "value": …}` (an attribute, or a kvlist entry one level deeper). */
  private keyValue(depth: number): KeyValue {
    let key: Scalar | undefined;
    let value: AnyValue = EMPTY_VALUE;
    let seen = 0;
    for (let more = this.first(0x7b, 0x7d); more; more = this.next(0x7d)) {
      const id = this.key();
      const bit = id === F.key ? 1 : id === F.value ? 2 : 0;
      if (seen & bit) notFast(); // JSON.parse keeps the last of duplicate keys: leave that to the walker
      seen |= bit;
      // A string key is pooled by its bytes: a KeyValue the sink declines keeps it (SpanSink.addSpan's `shared`).
      if (id === F.key) key = byteAt(this.buf, this.pos) === 0x22 ? this.str() : this.any();
      else if (id === F.value) value = this.value(depth);
      else this.skip();
    }
    if (key === COMPOSITE) notFast();
    // Both the walker's `typeof key === 'string' ? key : String(key ?? '')` and its kvlist `String(key ?? '')`.
    return { key: typeof key === 'string' ? key : String(key ?? ''), value };
  }

  private value(depth: number): AnyValue {
    if (!this.isObject()) {
      this.skip();
      return EMPTY_VALUE;
    }
    if (depth >= MAX_VALUE_DEPTH) {
      this.skip();
      return { type: 'truncated', note: `nested deeper than ${MAX_VALUE_DEPTH} levels` };
    }
    const raw: Array<Scalar | undefined> = [];
    let list: AnyValue[] | KeyValue[] | undefined;
    let listType = 0;
    for (let more = this.first(0x7b, 0x7d); more; more = this.next(0x7d)) {
      const id = this.key();
      if (id < F.stringValue || id > F.kvlistValue) {
        this.skip();
        continue;
      }
      if (raw[id - F.stringValue] !== undefined) notFast();
      if (id === F.arrayValue || id === F.kvlistValue) {
        if (list !== undefined) notFast(); // both given: keep the rare case on the walker's path
        list = this.listValue(depth, id === F.kvlistValue);
        listType = id;
      } else raw[id - F.stringValue] = this.any();
    }
    return pickValue(raw, list, listType);
  }

  /** `{"values": [...]}` of an arrayValue or kvlistValue; anything else is an empty list, as in the walker. */
  private listValue(depth: number, isKvlist: boolean): AnyValue[] | KeyValue[] {
    const out: Array<AnyValue | KeyValue> = [];
    if (!this.isObject()) {
      this.skip();
      return out as AnyValue[];
    }
    let seen = false;
    for (let more = this.first(0x7b, 0x7d); more; more = this.next(0x7d)) {
      if (this.key() !== F.values) {
        this.skip();
        continue;
      }
      if (seen) notFast();
      seen = true;
      if (byteAt(this.buf, this.pos) !== 0x5b) {
        this.skip();
        continue;
      }
      for (let item = this.first(0x5b, 0x5d); item; item = this.next(0x5d)) {
        if (!isKvlist) out.push(this.value(depth + 1));
        else if (this.isObject()) out.push(this.keyValue(depth + 1));
        else this.skip();
      }
    }
    return out as AnyValue[];
  }
}
