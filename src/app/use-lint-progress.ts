// How far the worker's lint has got while findings are pending: asked every LINT_POLL_MS (the worker answers
// between its 30 ms lint slices), so a million spans' seconds of checking show a figure, not only "…".
import { useEffect, useState } from 'react';
import { useActions } from './actions-context.ts';

const LINT_POLL_MS = 250;

/** The lint's progress, 0 to 1, while `isPending`; null before the worker reports one, and when not pending. */
export function useLintProgress(isPending: boolean): number | null {
  const actions = useActions();
  const [fraction, setFraction] = useState<number | null>(null);
  useEffect(() => {
    if (!isPending) return;
    let live = true;
    const ask = (): void => void actions.lintProgress().then((f) => live && setFraction(f));
    ask();
    const timer = setInterval(ask, LINT_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
      setFraction(null);
    };
  }, [actions, isPending]);
  return isPending ? fraction : null;
}

/** "37%", or "…" before a figure is known. */
export function lintProgressText(fraction: number | null): string {
  return fraction === null ? '…' : `${Math.floor(fraction * 100)}%`;
}
