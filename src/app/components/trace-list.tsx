// The trace list: one row per trace, sortable by every column, virtualized (dumps may hold many traces).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useActions } from '../actions-context.ts';
import { sortTraces } from '../trace-sort.ts';
import { useStore } from '../state/store.ts';
import { QueryBar } from './query-bar.tsx';
import { TraceListHeader } from './trace-list-header.tsx';
import { TraceRow } from './trace-row.tsx';

const ROW_HEIGHT = 26;

export function TraceList() {
  const traces = useStore((s) => s.traces);
  const sortKey = useStore((s) => s.sortKey);
  const sortDescending = useStore((s) => s.sortDescending);
  const actions = useActions();
  const openTraceId = useStore((s) => s.traceId);
  const queryRows = useStore((s) => s.queryRows);
  // With a TraceQL query active, only the traces it matched.
  const sorted = useMemo(
    () => sortTraces(queryRows ? traces.filter((t) => queryRows.has(t.traceId)) : traces, sortKey, sortDescending),
    [traces, sortKey, sortDescending, queryRows],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // We do not use the React Compiler; the virtualizer re-renders this component itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <section className="panel trace-panel" aria-label="Traces">
      <QueryBar />
      <TraceListHeader />
      <div
        className="trace-scroll"
        ref={scrollRef}
        data-testid="trace-list"
        role="listbox"
        aria-label="Traces: arrow keys open the previous or next"
        tabIndex={0}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
          if (step === 0 || sorted.length === 0) return;
          e.preventDefault();
          const openIdx = sorted.findIndex((t) => t.traceId === openTraceId);
          const nextIdx = Math.max(0, Math.min(sorted.length - 1, openIdx + step));
          virtualizer.scrollToIndex(nextIdx, { align: 'auto' });
          void actions.openTrace(sorted[nextIdx]!.traceId);
        }}
      >
        {sorted.length === 0 ? <p className="empty">{queryRows ? 'No trace matches the query.' : 'No traces loaded.'}</p> : null}
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const trace = sorted[item.index]!;
            return <TraceRow key={trace.traceId} trace={trace} top={item.start} height={ROW_HEIGHT} />;
          })}
        </div>
      </div>
    </section>
  );
}
