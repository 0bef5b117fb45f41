// The toolbar's Learn button: opens the tour, or brings focus back to it when it is open. It also asks the
// worker for the lessons once, so findings can link to theirs before the tour is ever opened.
import { useEffect } from 'react';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';

export function LearnButton() {
  const actions = useActions();
  const isOpen = useStore((s) => s.isLearnOpen);
  useEffect(() => {
    void Promise.all([actions.lessons(), actions.lessonOfRule()]).then(([lessons, byRule]) => useStore.getState().lessonsReceived(lessons, new Map(byRule)));
  }, [actions]);
  return (
    <button type="button" className="button" data-testid="learn-open" aria-expanded={isOpen} onClick={() => useStore.getState().learnOpened()}>
      Learn
    </button>
  );
}
