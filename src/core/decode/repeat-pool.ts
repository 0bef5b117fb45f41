// What codecs of attributes kept as bytes (model/encoded-attributes.ts) decode from a run: a KeyValue found
// a second time, in another place, is kept, so repeats share one object (lint and search test each distinct
// attribute object once). Values of a span's own occur once each and so are never kept: the sketch `seen`
// remembers the hash and place of each KeyValue decoded once (a collision only keeps one value more, or one
// fewer).
import { BytePool } from './byte-pool.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** Slots of the sketch of values decoded once (a power of two). */
const SEEN_SLOTS = 1 << 16;

export class RepeatPool<T> {
  private readonly kept = new BytePool<T>();
  /**
   * Made by the first decode (512 KiB with `seenAt`): every input's scanner or walker makes a codec, and most
   * small inputs never hand over a run.
   */
  private seen: Int32Array | undefined;
  /**
   * Where in its page the value `seen` remembers was: the same run decoded again (a search index built after
   * a lint run) is no repeat, and keeping every value of its own then would keep them all.
   */
  private seenAt = new Int32Array(0);

  constructor() {
    shapeOf(this);
  }

  /** BytePool.hash of `buf[start, end)`: 0 when too long to keep. */
  hash(buf: Uint8Array, start: number, end: number): number {
    return this.kept.hash(buf, start, end);
  }

  get(buf: Uint8Array, start: number, end: number, hash: number): T | undefined {
    return this.kept.get(buf, start, end, hash);
  }

  /** `value`, just decoded from `buf[start, end)`, which lies at `at` in its page: kept if decoded before elsewhere. */
  decoded(buf: Uint8Array, start: number, end: number, hash: number, at: number, value: T): void {
    if (hash === 0) return;
    let seen = this.seen;
    if (seen === undefined) {
      seen = this.seen = new Int32Array(SEEN_SLOTS);
      this.seenAt = new Int32Array(SEEN_SLOTS);
    }
    const slot = hash & (SEEN_SLOTS - 1);
    const mark = hash | 1;
    if (seen[slot] !== mark) {
      seen[slot] = mark;
      this.seenAt[slot] = at;
    } else if (this.seenAt[slot] !== at) this.kept.set(buf, start, end, value, hash);
  }
}
