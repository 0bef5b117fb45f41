// Entering a lesson step: load the lesson's example file (same-origin, so the tour works offline), open the
// step's trace, mark its rows and open the span it talks about. Entries run one after another: the tour may
// enter lesson 1 and the user pick lesson 7 before lesson 1's file has loaded, and two loads racing each
// other (each clearing, each loading) could leave the later entry looking for its trace in a list that one
// of them had not yet received.
import type { LessonStep } from '../core/learn/lessons.ts';
import { rowNamed } from './learn-check.ts';
import type { Actions } from './state/actions.ts';
import type { Store } from './state/store.ts';

export const LESSONS_URL = './lessons/';

type EntryActions = Pick<Actions, 'clearAll' | 'loadUrls' | 'openTrace' | 'jumpTo'>;

/** Enters one step; `isCurrent` says whether the user is still on it (a later entry supersedes it). */
export type EnterStep = (file: string, step: LessonStep, isCurrent: () => boolean) => Promise<void>;

async function enter(actions: EntryActions, get: () => Store, file: string, step: LessonStep, isCurrent: () => boolean): Promise<void> {
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
}

/** One tour's step entries, each started once the one before it has finished; one no longer current is skipped. */
export function lessonEntries(actions: EntryActions, get: () => Store): EnterStep {
  let previous: Promise<void> = Promise.resolve();
  return (file, step, isCurrent) => {
    const run = previous.then(() => (isCurrent() ? enter(actions, get, file, step, isCurrent) : undefined));
    previous = run.catch(() => undefined);
    return run;
  };
}
