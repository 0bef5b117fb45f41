// An object key of the OTLP/JSON byte scanner (json-scan-fields.ts): its field id (json-scan-keys.ts), found
// from its bytes as the walker would read the key, or NOT_FAST where the walker would read it differently.
import { BytePool } from '../byte-pool.ts';
import { byteAt, notFast, stringEnd, stringText } from './json-bytes.ts';
import { FIELD_IDS, knownKey, NUM_KEYS, quotedKeyAt, SLOW_KEYS, UNKNOWN } from './json-scan-keys.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

export class KeyReader {
  /** Index after the key `read` read last (after its closing quote). */
  end = 0;
  /** Keys the walker does not know, by their bytes. */
  private readonly unknown = new BytePool<number>();
  /**
   * The known key that came after each key last time (index: key id + 1, so UNKNOWN has one), or -1. An
   * exporter writes every span's fields in one order, so the next key is nearly always the one predicted,
   * and `quotedKeyAt` checks it in one compare, where finding the string's end and then its key took two
   * passes (100k SDK spans: 2-6% of a load).
   */
  private readonly nextKey = new Int8Array(NUM_KEYS + 1).fill(-1);
  private lastKey = UNKNOWN;

  constructor() {
    shapeOf(this);
  }

  /** The field id of the key string at `pos`, or UNKNOWN; sets `end`. */
  read(buf: Uint8Array, pos: number): number {
    const guess = this.nextKey[this.lastKey + 1]!;
    let end = guess >= 0 ? quotedKeyAt(buf, pos, guess) : -1;
    let id = guess;
    if (end < 0) {
      if (byteAt(buf, pos) !== 0x22) notFast();
      end = stringEnd(buf, pos);
      id = this.idOf(buf, pos, end);
    }
    this.nextKey[this.lastKey + 1] = id;
    this.lastKey = id;
    this.end = end;
    return id;
  }

  /** The id of the key string `buf[start, end)`. */
  private idOf(buf: Uint8Array, start: number, end: number): number {
    let id = knownKey(buf, start, end) ?? this.unknown.get(buf, start, end);
    if (id === undefined) {
      const text = stringText(buf, start, end);
      if (buf.subarray(start, end).includes(0x5c) || text.includes('_') || SLOW_KEYS.has(text)) notFast();
      id = FIELD_IDS.get(text) ?? UNKNOWN;
      this.unknown.set(buf, start, end, id);
    }
    return id;
  }
}
