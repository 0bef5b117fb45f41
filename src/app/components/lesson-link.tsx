// "Learn: lesson N" beside a finding's explanation: opens Learn mode at the lesson that covers the rule.
import { useStore } from '../state/store.ts';

export function LessonLink({ rule }: { rule: string }) {
  const num = useStore((s) => s.lessonOfRule.get(rule));
  if (num === undefined) return null;
  return (
    <button type="button" className="link-button lesson-link small" data-testid="lesson-link" data-lesson={num} onClick={() => useStore.getState().learnOpened(num - 1)}>
      Learn: lesson {num}
    </button>
  );
}
