// The page's side of the worker warm-up: `?warmup=off` asks for none, `?warmup=<rounds>` for that many (kept
// within 1..50), anything else for the worker's own number; the report lands on the element's dataset.
import { describe, expect, it } from 'vitest';
import { startWarmUp } from '../../../src/app/warm-up.ts';
import type { WarmUpReport } from '../../../workers/warm-up.ts';

function started(search: string): { asked: Array<number | undefined>; root: { dataset: Record<string, string> } } {
  const asked: Array<number | undefined> = [];
  const worker = {
    warmUp: async (numRounds?: number): Promise<WarmUpReport> => {
      asked.push(numRounds);
      return { state: 'done', numRounds: numRounds ?? 3, numSpans: 3000 * (numRounds ?? 3), ms: 12.4 };
    },
  };
  const root = { dataset: {} as Record<string, string> };
  startWarmUp(worker as never, search, root as unknown as HTMLElement);
  return { asked, root };
}

describe('startWarmUp', () => {
  it('asks for no warm-up with ?warmup=off', () => {
    const { asked, root } = started('?warmup=off');
    expect(asked).toEqual([]);
    expect(root.dataset).toEqual({ warmUp: 'off' });
  });

  it('asks for the rounds the URL names, within 1..50, else for the worker default', () => {
    expect(started('?warmup=7').asked).toEqual([7]);
    expect(started('?warmup=999').asked).toEqual([50]);
    expect(started('?warmup=0').asked).toEqual([1]);
    expect(started('?warmup=soon').asked).toEqual([undefined]);
    expect(started('').asked).toEqual([undefined]);
  });

  it('marks it running, then writes the report on the element', async () => {
    const { root } = started('?warmup=2');
    expect(root.dataset.warmUp).toBe('running');
    await expect.poll(() => root.dataset.warmUp).toBe('done');
    expect(root.dataset).toEqual({ warmUp: 'done', warmUpMs: '12', warmUpSpans: '6000' });
  });
});
