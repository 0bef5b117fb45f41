// Entering lesson steps over a real TraceStore with the lessons' own example files: a step opens its
// trace and marks its rows, also when the user picks another lesson before the first one's file has loaded
// (the tour enters lesson 1 as it opens; entries that overlapped could look for their trace in a list that
// had not arrived yet, and mark nothing).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../../../src/core/learn/lessons.ts';
import { lessonEntries, LESSONS_URL } from '../../../src/app/learn-entry.ts';
import { createActions } from '../../../src/app/state/actions.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { fakeWorker } from '../../support/app-flows.ts';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const lessonsDir = new URL('../../../public/lessons/', import.meta.url);

/** Serves the lessons' files as the page's fetch would, each after its own delay. */
function serveLessons(delayMs: (file: string) => number): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    expect(url.startsWith(LESSONS_URL)).toBe(true);
    const file = url.slice(LESSONS_URL.length);
    asked.push(file);
    await sleep(delayMs(file));
    return new Response(readFileSync(new URL(file, lessonsDir)));
  });
  return asked;
}

function tour(delays = new Map<string, number>()) {
  const store = createStore();
  const actions = createActions(fakeWorker(new TraceStore(), delays), store);
  let seq = 0;
  const enterStep = lessonEntries(actions, store.getState);
  /** Enters a step as the panel does: only the last step entered is current. */
  const enterNth = (lessonIdx: number, stepIdx = 0): Promise<void> => {
    const mine = ++seq;
    const lesson = LESSONS[lessonIdx]!;
    return enterStep(lesson.file, lesson.steps[stepIdx]!, () => mine === seq);
  };
  return { store, enterNth };
}

describe('lesson entries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("a step opens its lesson's trace and marks the rows it names", async () => {
    serveLessons(() => 0);
    const { store, enterNth } = tour();
    await enterNth(6);
    const s = store.getState();
    const step = LESSONS[6]!.steps[0]!;
    expect(s.inputs.map((i) => i.file)).toEqual([LESSONS[6]!.file]);
    const opened = s.traces.find((t) => t.traceId === s.traceId);
    expect(opened?.rootName).toBe(step.trace);
    expect(s.learnMark).toEqual({ traceId: s.traceId, names: step.mark, field: step.field ?? null });
  });

  it('a lesson picked while the first one is still loading is the one loaded, opened and marked', async () => {
    // Lesson 1's file comes slowly, lesson 7's at once; the worker's lists answer late. Lesson 7 is picked
    // at moments from before lesson 1's clear has answered to after its file has arrived.
    for (const pickAfterMs of [0, 5, 15, 30, 50, 70, 90]) {
      serveLessons((file) => (file === LESSONS[0]!.file ? 40 : 5));
      const { store, enterNth } = tour(new Map([['traces', 20], ['inputs', 20], ['clear', 10]]));
      const first = enterNth(0);
      await sleep(pickAfterMs);
      await Promise.all([first, enterNth(6)]);
      const s = store.getState();
      const step = LESSONS[6]!.steps[0]!;
      expect(s.inputs.map((i) => i.file), `picked after ${pickAfterMs} ms`).toEqual([LESSONS[6]!.file]);
      expect(s.traces.find((t) => t.traceId === s.traceId)?.rootName).toBe(step.trace);
      expect(s.learnMark?.traceId, `picked after ${pickAfterMs} ms`).toBe(s.traceId);
      expect(s.learnMark?.names).toEqual(step.mark);
      vi.unstubAllGlobals();
    }
  });

  it('a step no longer current when its turn comes is skipped', async () => {
    const asked = serveLessons(() => 5);
    const { store, enterNth } = tour();
    const first = enterNth(0);
    await sleep(1); // lesson 1's entry begins
    await Promise.all([first, enterNth(1), enterNth(2), enterNth(6)]);
    // The first had begun; the two between were superseded before their turn and fetched nothing.
    expect(asked).toEqual([LESSONS[0]!.file, LESSONS[6]!.file]);
    expect(store.getState().learnMark?.names).toEqual(LESSONS[6]!.steps[0]!.mark);
  });
});
