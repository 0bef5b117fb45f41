// Progress from the worker's store: spans so far are reported during one big file's decode, not only
// between files, and the phases come in order. Real SDK output. The store's clock stands still (`now`), so
// only the span-count events come, not the ones a chunk sends once PROGRESS_EVERY_MS have passed: on a busy
// machine one of those came at 10,000 spans and failed a clean-clone CI run.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { TraceStore, type LoadProgress } from '../../../workers/trace-store.ts';

const stillClock = (): number => 0;

describe('TraceStore.load progress', () => {
  it('reports growing span counts while one file decodes, then assembling and done', async () => {
    const numSpans = 10_000;
    const { world, spans } = generateSpans(numSpans);
    const events: LoadProgress[] = [];
    const outcome = await new TraceStore({ now: stillClock }).load([{ name: 'one.json', data: world.otlpJson(spans) }], (p) => events.push(p));
    expect(outcome.numSpans).toBe(numSpans);
    const decoding = events.filter((e) => e.phase === 'decoding').map((e) => e.numSpans);
    // The document decodes as its chunk is pushed (it is one chunk here): one event per 4096 spans.
    expect(decoding).toEqual([4096, 8192]);
    expect(events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'decoding', 'assembling', 'done']);
    expect(events.at(-1)!.numSpans).toBe(numSpans);
  });

  it('counts across files: events during the second file name it and carry the running total', async () => {
    const a = generateSpans(5000);
    const b = generateSpans(5000);
    const events: LoadProgress[] = [];
    await new TraceStore({ now: stillClock }).load(
      [{ name: 'a.json', data: a.world.otlpJson(a.spans) }, { name: 'b.json', data: b.world.otlpJson(b.spans) }],
      (p) => events.push(p),
    );
    const decodingB = events.filter((e) => e.phase === 'decoding' && e.file === 'b.json').map((e) => e.numSpans);
    expect(decodingB).toEqual([8192]);
  });
});
