// The search's memo drops itself once its keys stop repeating (trial-memo.ts): judged every TRIAL_LOOKUPS
// look-ups, kept while at least half of them found an answer.
import { describe, expect, it } from 'vitest';
import { TRIAL_LOOKUPS, TrialMemo, trialMemoStats } from '../../../src/core/query/trial-memo.ts';

/** Looks each key up and remembers a miss (as Matcher does); returns how many look-ups found an answer. */
function feed(memo: TrialMemo<string>, keys: readonly string[]): number {
  let hits = 0;
  for (const k of keys) {
    const hit = memo.get(k);
    if (hit === undefined) memo.set(k, k.length % 2 === 0);
    else {
      expect(hit).toBe(k.length % 2 === 0);
      hits++;
    }
  }
  return hits;
}

const unique = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `${tag}-${i}`);
/** `n` look-ups of which every `every`-th is a new key and the rest repeat one seen before. */
const mixed = (n: number, every: number, tag = 'new'): string[] => Array.from({ length: n }, (_, i) => (i % every === 0 ? `${tag}-${i}` : 'seen'));

describe('TrialMemo', () => {
  it('keeps answering keys that repeat, window after window', () => {
    const memo = new TrialMemo<string>();
    const keys = Array.from({ length: TRIAL_LOOKUPS * 5 }, (_, i) => `k${i % 100}`);
    expect(feed(memo, keys)).toBe(keys.length - 100);
    expect(memo.isKept).toBe(true);
  });

  it('drops itself after a window of keys that do not repeat, and answers nothing from then on', () => {
    const before = trialMemoStats.numDropped;
    const memo = new TrialMemo<string>();
    memo.set('early', true);
    expect(feed(memo, unique(TRIAL_LOOKUPS - 1, 'u'))).toBe(0);
    expect(memo.isKept).toBe(true);
    // The window's last look-up finds the key set before it, and the window is judged: 1 hit in 4,096.
    expect(memo.get('early')).toBe(true);
    expect(memo.isKept).toBe(false);
    expect(trialMemoStats.numDropped).toBe(before + 1);
    memo.set('late', true);
    expect(memo.get('late')).toBeUndefined();
    expect(memo.get('early')).toBeUndefined();
  });

  it('is kept at half its look-ups found, dropped just below', () => {
    // Windows of 8 look-ups; 'seen' is remembered before the first.
    const atHalf = new TrialMemo<string>(8);
    atHalf.set('seen', true);
    expect(feed(atHalf, mixed(8, 2))).toBe(4);
    expect(atHalf.isKept).toBe(true);
    expect(feed(atHalf, mixed(8, 2, 'other'))).toBe(4);
    expect(atHalf.isKept).toBe(true);
    const below = new TrialMemo<string>(8);
    below.set('seen', true);
    expect(feed(below, ['a', 'b', 'c', 'd', 'e', 'seen', 'seen', 'seen'])).toBe(3);
    expect(below.isKept).toBe(false);
  });

  it('judges every window, so a memo whose keys stop repeating is dropped later', () => {
    const memo = new TrialMemo<string>();
    feed(memo, mixed(TRIAL_LOOKUPS * 3, 4));
    expect(memo.isKept).toBe(true);
    feed(memo, unique(TRIAL_LOOKUPS, 'later'));
    expect(memo.isKept).toBe(false);
  });
});
