// Above the waterfall: which trace, how big, and the search, critical-path and collapse/expand-all controls
// (on a line of their own when the pane is too narrow for both).
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { formatDuration } from '../format.ts';
import { serviceColor } from '../span-vocab.ts';
import { useStore } from '../state/store.ts';
import { CopyButton } from './copy-button.tsx';
import { SearchBar } from './search-bar.tsx';

export function WaterfallTitle({ columns }: { columns: PageColumns }) {
  const actions = useActions();
  const numVisible = useStore((s) => s.visibleRows.length);
  const showsCritical = useStore((s) => s.criticalPath?.traceId === columns.traceId || s.criticalPathPending === columns.traceId);
  const criticalPending = useStore((s) => s.criticalPathPending === columns.traceId);
  return (
    <div className="waterfall-title">
      <span className="trace-root" title="the first root span">
        <span className="service-name" style={{ color: serviceColor(columns.service[0] ?? 0) }}>{columns.services[columns.service[0] ?? 0]}</span>{' '}
        {columns.names[columns.nameIdx[0] ?? 0]}
      </span>
      <span className="trace-id" title={`trace id ${columns.traceId}`}>{columns.traceId}</span>
      <CopyButton text={columns.traceId} label="trace id" />
      <span className="muted">
        {columns.numRows.toLocaleString('en-US')} spans · {formatDuration(columns.traceDurationNs)}
        {numVisible < columns.numRows ? ` · ${numVisible.toLocaleString('en-US')} shown` : ''}
      </span>
      <span className="waterfall-controls">
        <SearchBar />
        <button type="button" className={`button small${showsCritical ? ' primary' : ''}`} data-testid="critical-path-toggle" aria-pressed={showsCritical} aria-busy={criticalPending} title="The chain of spans that decided the trace's latency (Jaeger's algorithm)" onClick={() => void actions.toggleCriticalPath()}>
          Critical path
        </button>
        <button type="button" className="button small" data-testid="collapse-all" onClick={() => void actions.collapseAll()}>
          Collapse all
        </button>
        <button type="button" className="button small" data-testid="expand-all" onClick={() => void actions.expandAll()}>
          Expand all
        </button>
      </span>
    </div>
  );
}
