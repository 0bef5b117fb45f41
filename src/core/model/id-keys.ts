// Every span's id and parent id as numbers, for assembly to link parents by (assemble-trace.ts): an 8-byte
// id is its two words, as the builder keeps it (span-columns.ts); an id of another form is numbered by its
// text, equal texts alike. Two ids are equal exactly when their forms and both words are: a text id is never
// 16 lowercase hex digits, the one form kept as words. Linking by strings hashed every id twice (once as a
// span's own, once as its children's parent) and, since the builder keeps words, would form each id's text.
import { tableRows, type SpanSource } from './span-source.ts';
import { IdForm, parseWordId, type SpanColumns } from './span-columns.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** This process's hash seed (IdKeys.hash): a file cannot know it. */
const SEED = Math.floor(Math.random() * 2 ** 32) | 0;

/** MurmurHash3's 32-bit finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class IdKeys {
  /** Per span: span id high, low, parent id high, low. */
  readonly words: Int32Array;
  /** Per span: the span id's form in bits 0-1, the parent id's in bits 2-3 (IdForm). */
  readonly forms: Uint8Array;

  constructor(numSpans: number) {
    this.words = new Int32Array(numSpans * 4);
    this.forms = new Uint8Array(numSpans);
    shapeOf(this);
  }

  /** Whether span `a`'s id (`wa` 0) or parent id (`wa` 2) equals span `b`'s id or parent id. */
  same(a: number, wa: 0 | 2, b: number, wb: 0 | 2): boolean {
    const { words, forms } = this;
    return ((forms[a]! >> wa) & 3) === ((forms[b]! >> wb) & 3) && words[a * 4 + wa] === words[b * 4 + wb] && words[a * 4 + wa + 1] === words[b * 4 + wb + 1];
  }

  /**
   * A hash of span `i`'s id (`w` 0) or parent id (`w` 2): the high word with this process's seed, mixed, then
   * the low word, mixed again. A fixed mix such as the pools' (`w0 ^ w1 * k`) lets a file hold ids that all
   * collide (test/support/colliding-ids.ts); through a secret seed and two nonlinear mixes they spread.
   */
  hash(i: number, w: 0 | 2): number {
    const words = this.words;
    return (fmix(fmix(words[i * 4 + w]! ^ SEED) ^ words[i * 4 + w + 1]!) ^ ((this.forms[i]! >> w) & 3)) >>> 0;
  }

  hasParent(i: number): boolean {
    return (this.forms[i]! & 0b1100) !== 0;
  }

  /** Span `i`'s id (`w` 0) or parent id (`w` 2) as a string key, equal for equal ids. */
  text(i: number, w: 0 | 2): string {
    return `${(this.forms[i]! >> w) & 3}:${this.words[i * 4 + w]!}:${this.words[i * 4 + w + 1]!}`;
  }
}

/**
 * Slots a look-up walks at most, as in the decoders' pools (decode/slot-table.ts). With the pools' fixed mix
 * as the hash, the ids of test/support/colliding-ids.ts all landed in one slot, and unbounded probing made
 * assembling a crafted 20,000-span chain take 5 s instead of 0.15 s. The seeded hash spreads those; the
 * bound stays for whatever else collides: an id with no free slot that near is kept in a Map instead.
 */
const MAX_PROBES = 64;

/**
 * Span id → the position of its first holder among one trace's spans (assemble-trace.ts): open addressing over
 * IdKeys, sized for the largest trace, its first 2^k slots (at least twice the trace's spans) used and
 * emptied for each trace; one table, not one per trace.
 */
export class IdTable {
  private readonly slots: Int32Array;
  private mask = 0;
  /** Ids kept past MAX_PROBES of their slot: key IdKeys.text. */
  private readonly far = new Map<string, number>();
  /** Where the id the last `find` missed would go: a slot, or -1 for `far`. */
  private emptySlot = -1;

  /** `maxProbes` is for tests, which send ids to `far` without crafting them. */
  constructor(private readonly keys: IdKeys, largestTrace: number, private readonly maxProbes = MAX_PROBES) {
    this.slots = new Int32Array(tableSize(largestTrace));
    shapeOf(this);
  }

  /** Empties the table for a trace of `numSpans` spans. */
  reset(numSpans: number): void {
    this.mask = tableSize(numSpans) - 1;
    this.slots.fill(-1, 0, this.mask + 1);
    this.far.clear();
  }

  /**
   * The position of the first holder of span `spanIdx`'s id (`w` 0) or parent id (`w` 2), or -1; `spanOf`
   * gives the span at a position. After a miss, `add` puts the span's own id where it would have been.
   */
  find(spanIdx: number, w: 0 | 2, spanOf: Int32Array): number {
    const { slots, keys, mask } = this;
    let slot = keys.hash(spanIdx, w) & mask;
    for (let probe = 0; probe < this.maxProbes; probe++, slot = (slot + 1) & mask) {
      const pos = slots[slot]!;
      if (pos < 0) {
        this.emptySlot = slot;
        return -1;
      }
      if (keys.same(spanOf[pos]!, 0, spanIdx, w)) return pos;
    }
    this.emptySlot = -1;
    return this.far.size === 0 ? -1 : (this.far.get(keys.text(spanIdx, w)) ?? -1);
  }

  /** Makes `pos` the first holder of span `spanIdx`'s id, which the last `find` (of that id) missed. */
  add(spanIdx: number, pos: number): void {
    if (this.emptySlot >= 0) this.slots[this.emptySlot] = pos;
    else this.far.set(this.keys.text(spanIdx, 0), pos);
  }
}

/** Slots for `n` spans: a power of two, at least twice `n` (so probes stay short). */
function tableSize(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(8, n * 2)));
}

/** The keys of `spans`: read from the builder's columns for its rows, else parsed from the ids' text. */
export function idKeys(spans: SpanSource): IdKeys {
  const keys = new IdKeys(spans.numSpans);
  const textNumbers = new Map<string, number>();
  const table = tableRows(spans);
  if (table) {
    for (let i = 0; i < spans.numSpans; i++) keys.forms[i] = copyKey(table.columns, i, 0, keys.words, textNumbers) | (copyKey(table.columns, i, 2, keys.words, textNumbers) << 2);
    return keys;
  }
  for (let i = 0; i < spans.numSpans; i++) {
    const s = spans.span(i);
    keys.forms[i] = writeKey(s.spanId, keys.words, i * 4, textNumbers) | (writeKey(s.parentSpanId, keys.words, i * 4 + 2, textNumbers) << 2);
  }
  return keys;
}

/**
 * Copies row `row`'s id (`w` 0) or parent id (`w` 2) from the columns as its key into `words`: an id kept as
 * words is its key; another (rare) is numbered by its text. Gives its form.
 */
function copyKey(columns: SpanColumns, row: number, w: 0 | 2, words: Int32Array, textNumbers: Map<string, number>): IdForm {
  const form = columns.form(row, w);
  const at = row * 4 + w;
  if (form === IdForm.WORDS) {
    words[at] = columns.word(row, w);
    words[at + 1] = columns.word(row, w + 1);
  } else if (form === IdForm.TEXT) words[at] = textNumber(textNumbers, w === 0 ? columns.spanId(row) : columns.parentId(row));
  return form;
}

/** Writes an id's key into `words[at]`, `words[at + 1]`; gives its form. */
function writeKey(id: string, words: Int32Array, at: number, textNumbers: Map<string, number>): IdForm {
  const form = parseWordId(id, words, at);
  if (form === IdForm.TEXT) words[at] = textNumber(textNumbers, id);
  return form;
}

function textNumber(numbers: Map<string, number>, text: string): number {
  let n = numbers.get(text);
  if (n === undefined) numbers.set(text, (n = numbers.size));
  return n;
}
