// What the Compare view offers as trace B, and which side A it compares against.
import { describe, expect, it } from 'vitest';
import { compareChoices, MAX_OFFERED, offeredChoices, operationPrefix, sideA } from '../../../src/app/compare-choices.ts';
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

  it('offers at most MAX_OFFERED, the open trace\'s operation first; a filter narrows by service, name or id', () => {
    const many = Array.from({ length: 1000 }, (_, i) => summary(`${i.toString(16).padStart(4, '0')}ffffffffffff`, i % 10 === 3 ? 'GET /checkout' : `GET /item/${i}`));
    const choices = compareChoices(many, [], [], many[3]!.traceId);
    expect(choices).toHaveLength(999);
    const first = offeredChoices(choices, '', operationPrefix(many[3]!));
    expect(first.numMatching).toBe(999);
    expect(first.shown).toHaveLength(MAX_OFFERED);
    // The 99 other traces of GET /checkout come first, in list order, then the rest in list order.
    expect(first.shown.slice(0, 99).every((c) => c.label.startsWith('api: GET /checkout · '))).toBe(true);
    expect(first.shown[99]!.label).toBe('api: GET /item/0 · 0000ffff');
    expect(first.shown[100]!.label).toBe('api: GET /item/1 · 0001ffff');
    // By name, any case; by a trace id's start.
    const items = offeredChoices(choices, '  /ITEM/99', null);
    // (993 is a GET /checkout: every tenth trace from the fourth is.)
    const nineties = [990, 991, 992, 994, 995, 996, 997, 998, 999].map((i) => `api: GET /item/${i} · ${i.toString(16).padStart(4, '0')}ffff`);
    expect(items.shown.map((c) => c.label)).toEqual(['api: GET /item/99 · 0063ffff', ...nineties]);
    expect(items.numMatching).toBe(10);
    expect(offeredChoices(choices, '03e7ff', null).shown.map((c) => c.value)).toEqual(['03e7ffffffffffff']);
    expect(offeredChoices(choices, 'no such trace', null)).toEqual({ shown: [], numMatching: 0 });
    // Few choices: every one, nothing left out.
    expect(offeredChoices(choices.slice(0, 5), '', null).shown).toEqual(choices.slice(0, 5));
  });
});
