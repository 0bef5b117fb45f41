// Asking the worker from a component: the question is asked again whenever `deps` change, and the answer
// is kept until the next one arrives; an answer that arrives after the component went away, or after a
// newer question was asked, is dropped (the worker answers in order of work, not of asking).
import { useEffect, useState, type DependencyList } from 'react';

/** `ask` returns undefined when there is nothing to ask (no trace open); the last answer then stays. */
export function useWorkerAnswer<T>(ask: () => Promise<T> | undefined, deps: DependencyList, initial: T): T {
  const [answer, setAnswer] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    void ask()?.then((a) => live && setAnswer(() => a));
    return () => {
      live = false;
    };
    // The caller names what its question depends on, as for useEffect itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return answer;
}
