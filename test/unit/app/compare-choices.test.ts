// What the Compare view offers as trace B, and which side A it compares against.
import { describe, expect, it } from 'vitest';
import { compareChoices, sideA } from '../../../src/app/compare-choices.ts';
import type { TraceListSummary } from '../../../src/core/model/summary.ts';

function summary(traceId: string, rootName: string): TraceListSummary {
  return { traceId, rootName, rootService: 'api', services: ['api'], numSpans: 1, numErrors: 0, numRoots: 1, numOrphans: 0, durationNs: 1, startUnixNs: '1' };
}

describe('compare choices', () => {
  const traces = [summary('aaaa1111aaaa1111', 'GET /a'), summary('bbbb2222bbbb2222', 'GET /b')];
  const copies = [{ traceId: 'aaaa1111aaaa1111', inputIdxs: [0, 2] }];

  it('lists other traces, and every input copy of a trace loaded from several files (the open one too)', () => {
    const choices = compareChoices(traces, copies, ['good.json', 'x.json', 'slow.json'], 'aaaa1111aaaa1111');
    expect(choices.map((c) => [c.value, c.label])).toEqual([
      ['aaaa1111aaaa1111@0', 'api: GET /a · aaaa1111 from good.json'],
      ['aaaa1111aaaa1111@2', 'api: GET /a · aaaa1111 from slow.json'],
      ['bbbb2222bbbb2222', 'api: GET /b · bbbb2222'],
    ]);
    expect(choices[1]!.side).toEqual({ traceId: 'aaaa1111aaaa1111', inputIdx: 2 });
  });

  it('sets a copy of the open trace against its copy from another input, anything else against the open trace', () => {
    expect(sideA('aaaa1111aaaa1111', { traceId: 'aaaa1111aaaa1111', inputIdx: 2 }, copies)).toEqual({ traceId: 'aaaa1111aaaa1111', inputIdx: 0 });
    expect(sideA('aaaa1111aaaa1111', { traceId: 'aaaa1111aaaa1111', inputIdx: 0 }, copies)).toEqual({ traceId: 'aaaa1111aaaa1111', inputIdx: 2 });
    expect(sideA('aaaa1111aaaa1111', { traceId: 'bbbb2222bbbb2222' }, copies)).toEqual({ traceId: 'aaaa1111aaaa1111' });
    expect(sideA('bbbb2222bbbb2222', { traceId: 'bbbb2222bbbb2222', inputIdx: 0 }, copies)).toBeNull();
  });
});
