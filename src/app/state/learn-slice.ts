// Learn mode's tour: open or not, which lesson and step, the rows and field it highlights, and whether the
// step's "try it" was done (latched: undoing it later does not take Next away again).
import type { StateCreator } from 'zustand';
import type { Lesson } from '../../core/learn/lessons.ts';
import type { Store } from './store.ts';

export interface LearnMark {
  readonly traceId: string;
  /** Span names whose rows carry the highlight. */
  readonly names: readonly string[];
  /** An attribute key highlighted in the details pane. */
  readonly field: string | null;
}

export interface LearnValues {
  /** The lessons, from the worker (empty until asked). */
  readonly lessons: readonly Lesson[];
  readonly lessonOfRule: ReadonlyMap<string, number>;
  readonly isLearnOpen: boolean;
  readonly lessonIdx: number;
  readonly stepIdx: number;
  readonly learnMark: LearnMark | null;
  /** Whether the current step's try-it was done (now or on an earlier visit). */
  readonly isTryDone: boolean;
  /** Steps (`lessonIdx/stepIdx`) whose try-it was done, so Back then Next does not ask again. */
  readonly doneSteps: ReadonlySet<string>;
  /** The last text typed into the traceparent… inspector (a context try-it checks it). */
  readonly contextText: string;
  /** Bumped when the tour is asked to take focus (the toolbar button while it is open). */
  readonly learnFocusSeq: number;
}

export interface LearnActions {
  lessonsReceived(lessons: readonly Lesson[], lessonOfRule: ReadonlyMap<string, number>): void;
  learnOpened(lessonIdx?: number): void;
  learnClosed(): void;
  learnStepChosen(lessonIdx: number, stepIdx: number): void;
  learnMarked(mark: LearnMark | null): void;
  tryDone(): void;
  contextTyped(text: string): void;
}

export type LearnSlice = LearnValues & LearnActions;

export const LEARN_DEFAULTS: LearnValues = {
  lessons: [], lessonOfRule: new Map(), isLearnOpen: false, lessonIdx: 0, stepIdx: 0, learnMark: null, isTryDone: false, doneSteps: new Set(), contextText: '', learnFocusSeq: 0,
};

export const createLearnSlice: StateCreator<Store, [], [], LearnSlice> = (set) => ({
  ...LEARN_DEFAULTS,
  lessonsReceived: (lessons, lessonOfRule) => set({ lessons, lessonOfRule }),
  learnOpened: (lessonIdx) =>
    set((s) =>
      lessonIdx === undefined && s.isLearnOpen
        ? { learnFocusSeq: s.learnFocusSeq + 1 }
        : { isLearnOpen: true, learnFocusSeq: s.learnFocusSeq + 1, ...(lessonIdx !== undefined ? { lessonIdx, stepIdx: 0, isTryDone: s.doneSteps.has(`${lessonIdx}/0`), contextText: '' } : {}) },
    ),
  learnClosed: () => set({ isLearnOpen: false, learnMark: null }),
  learnStepChosen: (lessonIdx, stepIdx) => set((s) => ({ lessonIdx, stepIdx, isTryDone: s.doneSteps.has(`${lessonIdx}/${stepIdx}`), contextText: '', learnMark: null })),
  learnMarked: (learnMark) => set({ learnMark }),
  tryDone: () => set((s) => ({ isTryDone: true, doneSteps: new Set(s.doneSteps).add(`${s.lessonIdx}/${s.stepIdx}`) })),
  contextTyped: (contextText) => set({ contextText }),
});
