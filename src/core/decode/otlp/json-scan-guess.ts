// The byte scanner's guesses of a span's resource and scope (json-scan-frames.ts): a resource or scope read
// before its spans is given to the sink on the chance that nothing after them changes it, so each span is
// placed as it is read (a first look of a big document has services to show: workers/load-preview.ts).
// Only the `schemaUrl` beside the spans may still follow them (any key twice is left to the walker); when it
// does, the spans are placed again and the guess, if the sink added it for this guess, is forgotten.
import type { EarlySink } from '../../model/records.ts';

export interface Guess {
  readonly idx: number;
  readonly schemaUrl: string;
  /** Whether the sink added the record for this guess (else it was interned before, and other spans use it). */
  readonly isNew: boolean;
}

/** A scope read whole, the sink's span numbers `[from, to)` its spans got, and where they were placed. */
export interface ScannedScope {
  readonly scopeIdx: number;
  readonly from: number;
  readonly to: number;
  /** The resource the spans were given as they were read (a guess), or -1. */
  readonly placedResourceIdx: number;
  readonly placedScopeIdx: number;
}

/** Adds a guess to the sink (`add`), noting whether the sink added a record for it. */
export function guessed(sink: EarlySink, list: 'resources' | 'scopes', schemaUrl: string, add: () => number): Guess {
  const before = sink.mark()[list];
  const idx = add();
  return { idx, schemaUrl, isNew: idx >= before };
}

/** The final record's index: the guess when no schemaUrl followed it, else the record added after forgetting it. */
export function settle(sink: EarlySink, list: 'resources' | 'scopes', guess: Guess | null, schemaUrl: string, add: () => number): number {
  if (guess !== null && guess.schemaUrl === schemaUrl) return guess.idx;
  if (guess?.isNew) sink.forgetRecords(list, guess.idx);
  return add();
}
