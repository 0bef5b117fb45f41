// The Compare view: trace A is the open trace; the user picks trace B (or one input's copy of a trace loaded
// from several files). The worker aligns them; this shows totals and the diff tree with paired bars.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useEffect, useMemo, useState } from 'react';
import type { CompareResult } from '../../core/compare/diff.ts';
import type { TraceCopies } from '../../core/compare/side.ts';
import { useActions } from '../actions-context.ts';
import { compareChoices, MAX_OFFERED, offeredChoices, operationPrefix, sideA } from '../compare-choices.ts';
import { formatDuration } from '../format.ts';
import { useStore } from '../state/store.ts';
import { formatCompare } from '../url-state.ts';
import { CompareRow } from './compare-row.tsx';
import '../styles/compare.css';

/** Rows drawn at most: a diff is rarely this long, and the DOM stays responsive. */
const MAX_ROWS = 3000;

function signed(ns: number): string {
  return `${ns > 0 ? '+' : ns < 0 ? '−' : '±'}${formatDuration(Math.abs(ns))}`;
}

function Summary({ result }: { result: CompareResult }) {
  if (!result.ok) return <p className="empty" data-testid="compare-summary">Cannot compare: {result.message}.</p>;
  const t = result.diff.totals;
  return (
    <p className="compare-summary" data-testid="compare-summary">
      <span>A {formatDuration(t.durationA)} ({t.numSpansA} spans) → B {formatDuration(t.durationB)} ({t.numSpansB} spans): {signed(t.durationB - t.durationA)}</span>
      <span className="compare-added">{t.numAdded} added</span>
      <span className="compare-removed">{t.numRemoved} removed</span>
      <span className="compare-slower">{t.numChanged} changed</span>
      <span className="muted">{t.numSame} same</span>
    </p>
  );
}

export function CompareView() {
  const actions = useActions();
  const traceId = useStore((s) => s.traceId);
  const traces = useStore((s) => s.traces);
  const inputs = useStore((s) => s.inputs);
  const target = useStore((s) => s.compareTarget);
  const copies = useWorkerAnswer<TraceCopies[]>(() => actions.traceCopies(), [actions, inputs], []);
  const a = traceId !== null && target ? sideA(traceId, target, copies) : null;
  // The answer is kept with the question it answers, so a stale one is never shown for a new choice.
  const question = a && target ? `${formatCompare(a)} ${formatCompare(target)} ${inputs.length}` : '';
  const [answer, setAnswer] = useState<{ question: string; result: CompareResult } | null>(null);
  useEffect(() => {
    let live = true;
    const sideOfA = traceId !== null && target ? sideA(traceId, target, copies) : null;
    if (sideOfA && target) void actions.compare(sideOfA, target).then((result) => live && setAnswer({ question: `${formatCompare(sideOfA)} ${formatCompare(target)} ${inputs.length}`, result }));
    return () => {
      live = false;
    };
  }, [actions, traceId, target, copies, inputs]);
  const result = answer?.question === question ? answer.result : null;
  const choices = useMemo(() => compareChoices(traces, copies, inputs.map((i) => i.file), traceId), [traces, copies, inputs, traceId]);
  const [filter, setFilter] = useState('');
  const open = useMemo(() => traces.find((t) => t.traceId === traceId), [traces, traceId]);
  const offered = useMemo(() => offeredChoices(choices, filter, open ? operationPrefix(open) : null), [choices, filter, open]);
  const value = target ? formatCompare(target) : '';
  // The chosen trace B stays an option when the filter or the limit would leave it out.
  const chosen = choices.find((c) => c.value === value);
  const options = chosen && !offered.shown.includes(chosen) ? [chosen, ...offered.shown] : offered.shown;
  const scaleNs = result?.ok ? Math.max(result.diff.totals.durationA, result.diff.totals.durationB, 1) : 1;
  if (traceId === null) return <p className="empty">Open a trace to compare it with another.</p>;
  return (
    <div className="compare-view" data-testid="compare-view">
      <label className="compare-pick">
        Compare the open trace (A) with B:{' '}
        <select data-testid="compare-pick" value={value} onChange={(e) => actions.chooseCompare(choices.find((c) => c.value === e.target.value)?.side ?? null)}>
          <option value="">— choose trace B —</option>
          {value !== '' && !choices.some((c) => c.value === value) && <option value={value}>{value} (not loaded)</option>}
          {options.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </label>
      {choices.length > MAX_OFFERED && (
        <label className="compare-filter">
          Find trace B:{' '}
          <input type="search" data-testid="compare-filter" value={filter} placeholder="service, name or trace id" onChange={(e) => setFilter(e.target.value)} />{' '}
          <span className="muted" data-testid="compare-offered">
            {offered.shown.length.toLocaleString('en-US')} of {offered.numMatching.toLocaleString('en-US')} {filter.trim() === '' ? 'traces' : 'matches'} listed
            {offered.shown.length < offered.numMatching ? ', the open trace\'s operation first: type to narrow' : ''}
          </span>
        </label>
      )}
      {target && !a && <p className="empty" data-testid="compare-summary">This trace has no copy in another input to set against this one.</p>}
      {result && <Summary result={result} />}
      {result?.ok && (
        <ul className="compare-rows" aria-label="Differences, A → B">
          {result.diff.nodes.slice(0, MAX_ROWS).map((n, i) => (
            <CompareRow key={i} node={n} scaleNs={scaleNs} />
          ))}
          {result.diff.nodes.length > MAX_ROWS && <li className="empty">… and {result.diff.nodes.length - MAX_ROWS} more spans not drawn.</li>}
        </ul>
      )}
    </div>
  );
}
