// findFans against the reference copy of its first version (fans-reference.ts): over random trees with big
// and small families, mixed names and services, several roots and orphans, every fan and every row's fan
// index must come out the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFans } from '../../../src/core/model/fans.ts';
import { handDataset, type HandSpan } from '../../support/hand-records.ts';
import { referenceFindFans } from './fans-reference.ts';

/** Span i's parent is one of the spans before it (or none: a root; or a missing id: an orphan). */
const trees = fc.array(
  fc.record({ parent: fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat(40)), name: fc.constantFrom('SELECT', 'GET', 'step'), service: fc.constantFrom('a', 'b'), start: fc.nat(50), dur: fc.nat(9), error: fc.boolean() }),
  { minLength: 1, maxLength: 400 },
);

describe('findFans', () => {
  it('finds exactly the fans of the first version, numbered alike', () => {
    fc.assert(
      fc.property(trees, fc.integer({ min: 2, max: 25 }), (drawn, minCount) => {
        const spans: HandSpan[] = drawn.map((d, i) => ({
          id: `s${i}`,
          // Parents lean on a few early spans, so some families grow past minCount.
          ...(d.parent === -1 ? {} : { parent: d.parent === -2 ? 'missing' : `s${Math.min(d.parent % 6, Math.max(0, i - 1))}` }),
          startMs: d.start, endMs: d.start + d.dur, name: d.name, service: d.service, error: d.error,
        }));
        const ds = handDataset(spans);
        for (const trace of ds.traces) {
          const ours = findFans(ds, trace, minCount);
          const ref = referenceFindFans(ds, trace, minCount);
          expect(ours.fans).toEqual(ref.fans);
          expect(Array.from(ours.fanOf)).toEqual(Array.from(ref.fanOf));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds fans at all in those trees (the comparison is not of empty lists only)', () => {
    const spans: HandSpan[] = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, ...(i === 0 ? {} : { parent: 's0' }), startMs: i, endMs: i + 1, name: i % 2 ? 'SELECT' : 'GET' }));
    const ds = handDataset(spans);
    // Siblings run by start time: s1 (SELECT) heads the first fan, s2 (GET) the second.
    expect(findFans(ds, ds.traces[0]!, 20).fans.map((f) => [f.name, f.count, f.headRow])).toEqual([['SELECT', 30, 1], ['GET', 29, 2]]);
  });
});
