// Enters a lesson step: loads the lesson's example file (same-origin, so the tour works offline), opens the
// step's trace, highlights its rows, opens the span it talks about, and latches its "try it" once done.
import { useEffect, useRef } from 'react';
import type { LessonStep } from '../../core/learn/lessons.ts';
import { useActions } from '../actions-context.ts';
import { isTryItDone, rowNamed, type TourView } from '../learn-check.ts';
import { useStore, type Store } from '../state/store.ts';
import { spanIdAt } from '../span-ids.ts';

export const LESSONS_URL = './lessons/';

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
  useEffect(() => {
    if (!file || !step) return;
    const seq = ++entrySeq.current;
    const isCurrent = (): boolean => seq === entrySeq.current && useStore.getState().isLearnOpen;
    const get = useStore.getState;
    get().learnMarked(null);
    if (step.tryIt.kind === 'open-findings') get().sideTabChosen('inputs');
    void (async () => {
      const { inputs } = get();
      if (inputs.length !== 1 || inputs[0]!.file !== file) {
        await actions.clearAll();
        await actions.loadUrls([`${LESSONS_URL}${file}`], 'demo');
      }
      if (!isCurrent()) return;
      const summary = get().traces.find((t) => t.rootName === step.trace);
      if (!summary) return;
      await actions.openTrace(summary.traceId);
      const columns = get().columns;
      if (!isCurrent() || !columns || columns.traceId !== summary.traceId) return;
      const view = { numRows: columns.numRows, names: (row: number) => columns.names[columns.nameIdx[row]!] ?? '' };
      get().learnMarked({ traceId: summary.traceId, names: step.mark, field: step.field ?? null });
      const selectRow = step.select !== undefined ? rowNamed(view, step.select) : -1;
      if (selectRow >= 0) await actions.jumpTo({ traceId: summary.traceId, row: selectRow });
      else {
        const markRow = rowNamed(view, step.mark[0] ?? '');
        if (markRow >= 0) get().scrollRequested(markRow);
      }
    })();
  }, [actions, file, step]);

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
