// A lesson step on screen: entered (`learn-entry.ts`) when it is shown, its "try it" latched once done.
import { useEffect, useMemo, useRef } from 'react';
import type { LessonStep } from '../../core/learn/lessons.ts';
import { useActions } from '../actions-context.ts';
import { isTryItDone, type TourView } from '../learn-check.ts';
import { lessonEntries } from '../learn-entry.ts';
import { useStore, type Store } from '../state/store.ts';
import { spanIdAt } from '../span-ids.ts';

/** The open trace as the tour sees it, once the current step has marked it. */
export function tourView(s: Store): TourView | null {
  const columns = s.columns;
  if (!columns || !s.learnMark || s.learnMark.traceId !== columns.traceId) return null;
  return {
    numRows: columns.numRows,
    names: (row) => columns.names[columns.nameIdx[row]!] ?? '',
    spanIdAt: (row) => spanIdAt(columns, row),
    traceId: columns.traceId,
    selectedRow: s.selectedRow,
    collapsed: s.collapsed,
    sideTab: s.sideTab,
    contextText: s.contextText,
  };
}

export function useLessonStep(file: string | undefined, step: LessonStep | undefined): void {
  const actions = useActions();
  const entrySeq = useRef(0);
  const enterStep = useMemo(() => lessonEntries(actions, useStore.getState), [actions]);
  useEffect(() => {
    if (!file || !step) return;
    const seq = ++entrySeq.current;
    const isCurrent = (): boolean => seq === entrySeq.current && useStore.getState().isLearnOpen;
    const get = useStore.getState;
    get().learnMarked(null);
    if (step.tryIt.kind === 'open-findings') get().sideTabChosen('inputs');
    void enterStep(file, step, isCurrent);
  }, [enterStep, file, step]);

  const isDone = useStore((s) => {
    const view = tourView(s);
    return view !== null && step !== undefined && isTryItDone(step.tryIt, view);
  });
  const isLatched = useStore((s) => s.isTryDone);
  useEffect(() => {
    // Re-check against the store now: a step entered in this same commit has just cleared its marks.
    const view = tourView(useStore.getState());
    if (isDone && !isLatched && step && view && isTryItDone(step.tryIt, view)) useStore.getState().tryDone();
  }, [isDone, isLatched, step]);
}
