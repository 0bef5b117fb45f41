// Above the waterfall: which trace, how big, and the collapse/expand-all controls.
import type { WaterfallColumns } from '../../core/model/waterfall.ts';
import { useActions } from '../actions-context.ts';
import { formatDuration } from '../format.ts';
import { useStore } from '../state/store.ts';

export function WaterfallTitle({ columns }: { columns: WaterfallColumns }) {
  const actions = useActions();
  const numVisible = useStore((s) => s.visibleRows.length);
  return (
    <div className="waterfall-title">
      <span className="trace-id" title="trace id">{columns.traceId}</span>
      <span className="muted">
        {columns.numRows.toLocaleString('en-US')} spans · {formatDuration(columns.traceDurationNs)}
        {numVisible < columns.numRows ? ` · ${numVisible.toLocaleString('en-US')} shown` : ''}
      </span>
      <span className="spacer" />
      <button type="button" className="button small" data-testid="collapse-all" onClick={() => void actions.collapseAll()}>
        Collapse all
      </button>
      <button type="button" className="button small" data-testid="expand-all" onClick={() => void actions.expandAll()}>
        Expand all
      </button>
    </div>
  );
}
