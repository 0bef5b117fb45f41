// Attributes reused by their bytes, for the decoders that read bytes themselves (otlp/json-scan-fields.ts,
// otlp/proto-pools.ts): a KeyValue, or a span's whole attribute list, whose bytes were read before is taken
// from a BytePool, and the sink keeps one copy of each (SpanSink.shareKeyValue, shareAttributes). What the
// sink declines (values of keys that rarely repeat) is not remembered here either, nor a list holding one;
// list look-ups that keep missing are skipped for a while (LookupGate). Both decoders follow these rules
// through this one class. The caller finds where the bytes end and hashes them (each format its own way),
// then asks: `knownKeyValue`, else decodes and `keptKeyValue`; `looksUpList` and `knownList`, else reads the
// items and `keptList`.
import type { KeyValue, Sharing } from '../model/records.ts';
import { BytePool, LookupGate, MAX_POOLED_LIST_BYTES } from './byte-pool.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

export class AttributeReuse {
  /** KeyValues by their bytes (read by a decoder of encoded attributes, otlp/proto-attributes.ts). */
  readonly keyValues = new BytePool<KeyValue>();
  private readonly lists = new BytePool<readonly KeyValue[]>(MAX_POOLED_LIST_BYTES);
  private readonly listGate = new LookupGate();
  /**
   * Whether the sink declined a KeyValue of the list being read (since `knownList` missed). Both decoders read
   * a list's items right after its `knownList` and before its `keptList`, with no other attribute between.
   */
  private declined = false;

  constructor(private readonly sharing: Sharing = {}) {
    shapeOf(this);
  }

  /** Lets go of the input the pools last looked up (BytePool.forgetInput). */
  forgetInput(): void {
    this.keyValues.forgetInput();
    this.lists.forgetInput();
  }

  /** hashBytes of a KeyValue's bytes for the two calls below (0 when too long to be pooled). */
  hashKeyValue(buf: Uint8Array, start: number, end: number): number {
    return this.keyValues.hash(buf, start, end);
  }

  /** The KeyValue `buf[start, end)` gave before (the sink hears of the reuse), or undefined. */
  knownKeyValue(buf: Uint8Array, start: number, end: number, hash: number): KeyValue | undefined {
    const kv = this.keyValues.get(buf, start, end, hash);
    if (kv !== undefined) this.sharing.reuseKeyValue?.(kv);
    return kv;
  }

  /** `kv`, just decoded from `buf[start, end)`, as the sink keeps it, remembered; `kv` itself when the sink keeps none. */
  keptKeyValue(buf: Uint8Array, start: number, end: number, hash: number, kv: KeyValue): KeyValue {
    const share = this.sharing.shareKeyValue;
    const shared = share ? share(kv) : kv;
    if (shared === undefined) {
      this.declined = true;
      return kv;
    }
    this.keyValues.set(buf, start, end, shared, hash);
    return shared;
  }

  /** Whether to look this list up; when not, the caller reads its items and passes them on as they are. */
  looksUpList(): boolean {
    return this.listGate.isOpen();
  }

  /** hashBytes of a list's bytes for the two calls below (0 when too long to be pooled). */
  hashList(buf: Uint8Array, start: number, end: number): number {
    return this.lists.hash(buf, start, end);
  }

  /** The list `buf[start, end)` gave before, or undefined: then read its items and call `keptList`. */
  knownList(buf: Uint8Array, start: number, end: number, hash: number): readonly KeyValue[] | undefined {
    const list = this.lists.get(buf, start, end, hash);
    this.listGate.record(list !== undefined);
    if (list === undefined) this.declined = false;
    return list;
  }

  /**
   * `list`, read from `buf[start, end)` after `knownList` missed, as the sink keeps it, remembered; `list`
   * itself when it holds a KeyValue the sink declined, or the sink keeps none.
   */
  keptList(buf: Uint8Array, start: number, end: number, hash: number, list: readonly KeyValue[]): readonly KeyValue[] {
    if (this.declined) return list;
    const share = this.sharing.shareAttributes;
    const shared = share ? share(list) : list;
    if (shared === undefined) return list;
    this.lists.set(buf, start, end, shared, hash);
    return shared;
  }
}
