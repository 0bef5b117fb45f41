// Learn mode's tour panel: the step's text, its "try it" (Next is refused until it is done), and links to
// the explanations of the findings it names. Keyboard: Enter or → next, ← back, Esc closes; the toolbar's
// Learn button brings focus back here.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Lesson, LessonStep } from '../../core/learn/lessons.ts';
import { expectedTraceparent } from '../learn-check.ts';
import { useStore } from '../state/store.ts';
import { tourView, useLessonStep } from './use-lesson-step.ts';

function showRule(rule: string): void {
  const s = useStore.getState();
  s.findingsFiltered('info');
  s.sideTabChosen('findings');
  requestAnimationFrame(() => {
    const head = document.querySelector<HTMLElement>(`[data-testid="finding-group"][data-rule="${CSS.escape(rule)}"] .finding-head`);
    head?.scrollIntoView({ block: 'nearest' });
    head?.focus();
  });
}

function RuleLinks({ rules }: { rules: readonly string[] }) {
  const metas = useStore((s) => s.rules);
  return (
    <ul className="learn-rules">
      {rules.map((rule) => (
        <li key={rule} data-testid="learn-rule" data-rule={rule}>
          <button type="button" className="link-button" data-testid="learn-rule-show" onClick={() => showRule(rule)}>{rule}</button>
          {metas[rule] ? <span className="muted small"> — {metas[rule].learn}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function TryBox({ step }: { step: LessonStep }) {
  const isDone = useStore((s) => s.isTryDone);
  const expected = useStore((s) => {
    const view = tourView(s);
    return view ? expectedTraceparent(step.tryIt, view) : null;
  });
  const [before, after] = step.tryText.split('{traceparent}');
  return (
    <div className={`learn-try${isDone ? ' done' : ''}`} data-testid="learn-try" data-done={isDone}>
      <strong>{isDone ? 'Done ✓ ' : 'Try it: '}</strong>
      {before}
      {after !== undefined ? <><code data-testid="learn-traceparent">{expected ?? '…'}</code>{after}</> : null}
    </div>
  );
}

/** The step before or after (lesson, step), across lessons; null at either end. */
function neighbour(lessons: readonly Lesson[], lessonIdx: number, stepIdx: number, delta: 1 | -1): [number, number] | null {
  const lesson = lessons[lessonIdx]!;
  if (delta > 0) {
    if (stepIdx + 1 < lesson.steps.length) return [lessonIdx, stepIdx + 1];
    return lessonIdx + 1 < lessons.length ? [lessonIdx + 1, 0] : null;
  }
  if (stepIdx > 0) return [lessonIdx, stepIdx - 1];
  return lessonIdx > 0 ? [lessonIdx - 1, lessons[lessonIdx - 1]!.steps.length - 1] : null;
}

export function LearnPanel() {
  const lessons = useStore((s) => s.lessons);
  const lessonIdx = useStore((s) => s.lessonIdx);
  const stepIdx = useStore((s) => s.stepIdx);
  const isTryDone = useStore((s) => s.isTryDone);
  const focusSeq = useStore((s) => s.learnFocusSeq);
  // The refusal message, for the step it was said on.
  const [refusal, setRefusal] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const lesson = lessons[lessonIdx];
  const step = lesson?.steps[stepIdx];
  useLessonStep(lesson?.file, step);
  const stepKey = `${lessonIdx}/${stepIdx}`;
  const hasLessons = lessons.length > 0;
  useEffect(() => {
    panelRef.current?.focus();
  }, [stepKey, focusSeq, hasLessons]);
  if (!lesson || !step) return null;
  const close = (): void => {
    useStore.getState().learnClosed();
    document.querySelector<HTMLElement>('[data-testid="learn-open"]')?.focus();
  };
  const go = (delta: 1 | -1): void => {
    if (delta > 0 && !isTryDone) {
      setRefusal(stepKey);
      return;
    }
    const to = neighbour(lessons, lessonIdx, stepIdx, delta);
    if (to) useStore.getState().learnStepChosen(to[0], to[1]);
    else if (delta > 0) close();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') close();
    else if (target.tagName === 'SELECT') return;
    else if (e.key === 'ArrowRight' || (e.key === 'Enter' && target === e.currentTarget)) go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else return;
    e.preventDefault();
  };
  const isLast = neighbour(lessons, lessonIdx, stepIdx, 1) === null;
  return (
    <section ref={panelRef} className="learn-panel" data-testid="learn-panel" role="dialog" aria-modal="false" aria-labelledby="learn-title" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="learn-head">
        <h2 id="learn-title" className="panel-title">Learn {lesson.num}/{lessons.length}: {lesson.title}</h2>
        <button type="button" className="button" aria-label="Close Learn" onClick={close}>×</button>
      </div>
      <label className="learn-pick small">
        Lesson{' '}
        <select value={lessonIdx} data-testid="learn-lesson" onChange={(e) => useStore.getState().learnStepChosen(Number(e.target.value), 0)}>
          {lessons.map((l, idx) => <option key={l.id} value={idx}>{l.num}. {l.title}</option>)}
        </select>
      </label>
      <p className="learn-step" data-testid="learn-step" data-lesson={lesson.num} data-step={stepIdx + 1}>
        <span className="muted small">Step {stepIdx + 1}/{lesson.steps.length} · </span>{step.text}
      </p>
      <TryBox step={step} />
      {step.rules && step.rules.length > 0 ? <RuleLinks rules={step.rules} /> : null}
      <p className="learn-status small" data-testid="learn-status" aria-live="polite">{refusal === stepKey && !isTryDone ? 'Do the "try it" step first.' : ''}</p>
      <div className="learn-nav">
        <button type="button" className="button" data-testid="learn-back" disabled={lessonIdx === 0 && stepIdx === 0} onClick={() => go(-1)}>Back</button>
        <button type="button" className={`button${isTryDone ? ' primary' : ''}`} data-testid="learn-next" aria-disabled={!isTryDone} onClick={() => go(1)}>
          {isLast ? 'Finish' : 'Next'}
        </button>
      </div>
    </section>
  );
}
