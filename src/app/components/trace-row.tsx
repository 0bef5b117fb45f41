// One trace in the list. Click opens its waterfall.
import type { TraceListSummary } from '../../core/model/summary.ts';
import { useActions } from '../actions-context.ts';
import { formatDuration, formatStartTime } from '../format.ts';
import { useStore } from '../state/store.ts';

export function TraceRow({ trace, top, height }: { trace: TraceListSummary; top: number; height: number }) {
  const actions = useActions();
  const isOpen = useStore((s) => s.traceId === trace.traceId);
  const numFindings = useStore((s) => s.findingsPerTrace.get(trace.traceId) ?? 0);
  const numQueryMatches = useStore((s) => s.queryRows?.get(trace.traceId)?.size ?? 0);
  return (
    <div
      className={`trace-grid trace-row${isOpen ? ' open' : ''}`}
      data-testid="trace-row"
      data-trace-id={trace.traceId}
      role="option"
      aria-selected={isOpen}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => {
        (e.currentTarget.closest('.trace-scroll') as HTMLElement | null)?.focus({ preventScroll: true });
        void actions.openTrace(trace.traceId);
      }}
    >
      <span className="col-service" title={trace.rootService}>{trace.rootService}</span>
      <span className="col-name" title={trace.rootName}>
        {trace.rootName}
        {trace.numOrphans > 0 ? <span className="badge orphan-badge" title="spans whose parent is not in this data">{trace.numOrphans} orphan</span> : null}
        {numQueryMatches > 0 ? <span className="badge query-count" data-testid="trace-query-matches" title="spans matching the TraceQL query">{numQueryMatches.toLocaleString('en-US')} match{numQueryMatches === 1 ? '' : 'es'}</span> : null}
        {numFindings > 0 ? <span className="badge finding-count" data-testid="trace-findings" title="lint findings in this trace">{numFindings.toLocaleString('en-US')} finding{numFindings === 1 ? '' : 's'}</span> : null}
      </span>
      <span className="col-services" title={trace.services.join(', ')}>
        <span className="num">{trace.services.length}</span> <span className="muted">{trace.services.join(', ')}</span>
      </span>
      <span className="col-spans num">{trace.numSpans.toLocaleString('en-US')}</span>
      <span className="col-duration num">{formatDuration(trace.durationNs)}</span>
      <span className={`col-errors num${trace.numErrors > 0 ? ' has-errors' : ' muted'}`}>{trace.numErrors.toLocaleString('en-US')}</span>
      <span className="col-start num" title={`${trace.startUnixNs} ns since the Unix epoch`}>{formatStartTime(trace.startUnixNs)}</span>
    </div>
  );
}
