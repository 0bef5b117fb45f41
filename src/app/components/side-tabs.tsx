// Tabs of the upper right panel: what was loaded (inputs and their problems), the lint findings and the
// Instrumentation Score.
import { useStore } from '../state/store.ts';
import { lintProgressText } from '../progress-text.ts';

export function SideTabs() {
  const tab = useStore((s) => s.sideTab);
  const numInputs = useStore((s) => s.inputs.length);
  const numFindings = useStore((s) => s.findingsSummary.total);
  const hasProblems = useStore((s) => s.findingsSummary.byRule.some((r) => r.error + r.warning > 0));
  const isPending = useStore((s) => s.findingsPending);
  const progress = useStore((s) => s.lintProgress);
  return (
    <div className="side-tabs" role="tablist">
      <button type="button" role="tab" aria-selected={tab === 'inputs'} className={`side-tab${tab === 'inputs' ? ' active' : ''}`} onClick={() => useStore.getState().sideTabChosen('inputs')}>
        Inputs <span className="badge">{numInputs}</span>
      </button>
      <button type="button" role="tab" data-testid="findings-tab" aria-selected={tab === 'findings'} aria-busy={isPending} className={`side-tab${tab === 'findings' ? ' active' : ''}`} onClick={() => useStore.getState().sideTabChosen('findings')}>
        Findings{' '}
        {/* While they are computed no count is shown: 0 would claim that nothing is wrong. */}
        {isPending && numFindings === 0 ? <span className="badge" title="checking what is loaded">{lintProgressText(progress)}</span> : <span className={`badge${hasProblems ? ' warn-badge' : ''}`}>{numFindings.toLocaleString('en-US')}</span>}
      </button>
      <button type="button" role="tab" data-testid="score-tab" aria-selected={tab === 'score'} className={`side-tab${tab === 'score' ? ' active' : ''}`} onClick={() => useStore.getState().sideTabChosen('score')}>
        Score
      </button>
    </div>
  );
}
