// A memo of yes/no answers by key for one search over a trace's rows (search.ts Matcher), kept only while
// it pays. Names, keys and most values repeat across spans, so an answer looked up beats a text lowercased
// and scanned again. But where each span has a value of its own (an id in a URL, a counter, SQL with a
// literal), every row was a miss and an insert, and the map's growth, hashing and collection cost more than
// answering afresh. Measured on 1M rows searched directly (scratch, 2026-12-01, HEAD and this alternating in
// one process): a value of its own per span 0.9-1.6 s before, 0.14-0.19 s with the memos judged; the bench's
// trace (a third of its attribute lists shared) 0.28-0.35 s before, 0.14-0.19 s; 100 shared lists ~65 ms both.
// A memo is judged every TRIAL_LOOKUPS look-ups and dropped when too few found an answer, as the decoders'
// pools stop pooling keys whose values do not repeat (core/model/intern.ts).

/** Look-ups between two judgements of a memo. */
export const TRIAL_LOOKUPS = 4096;
/**
 * A memo is kept while at least one look-up in this many finds an answer: a miss costs a look-up and an
 * insert, about what answering afresh costs (a short text lowercased and scanned, a list's few memoized
 * attributes), so a memo that misses more often than it hits only adds work.
 */
const MIN_HIT_SHARE = 2;
/** Bounds each memo: even repeating keys may be too many to keep (a cap, as intern.ts has). */
const MAX_ENTRIES = 200_000;

/** Memos dropped so far, in every search: tests read it to prove the dropped path was taken. */
export const trialMemoStats = { numDropped: 0 };

export class TrialMemo<K> {
  private map: Map<K, boolean> | null = new Map();
  private numLookups = 0;
  private numHits = 0;

  constructor(private readonly trialLookups = TRIAL_LOOKUPS) {}

  /** Whether the memo is still in use (false once a trial found its keys rarely repeat). */
  get isKept(): boolean {
    return this.map !== null;
  }

  /** The answer remembered for `key`, or undefined (always, once the memo is dropped). */
  get(key: K): boolean | undefined {
    const map = this.map;
    if (map === null) return undefined;
    const hit = map.get(key);
    if (hit !== undefined) this.numHits++;
    if (++this.numLookups === this.trialLookups) {
      if (this.numHits * MIN_HIT_SHARE < this.numLookups) {
        this.map = null;
        trialMemoStats.numDropped++;
      }
      this.numLookups = 0;
      this.numHits = 0;
    }
    return hit;
  }

  set(key: K, hit: boolean): void {
    if (this.map !== null && this.map.size < MAX_ENTRIES) this.map.set(key, hit);
  }
}
