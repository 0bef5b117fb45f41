// The waterfall's rows, virtualized with @tanstack/react-virtual: only the rows in view are in the DOM.
// Rows come from the worker (`visibleRows`); every cell reads the transferred typed-array columns.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { TickLines } from './time-axis.tsx';
import { WaterfallRow } from './waterfall-row.tsx';

const ROW_HEIGHT = 24;

export function WaterfallBody({ columns }: { columns: PageColumns }) {
  const actions = useActions();
  const visibleRows = useStore((s) => s.visibleRows);
  const scrollRequest = useStore((s) => s.scrollRequest);
  const scrollRef = useRef<HTMLDivElement>(null);
  // We do not use the React Compiler; the virtualizer re-renders this component itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visibleRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  // A newly opened trace starts at its top (declared first: a jump into another trace scrolls after it).
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [columns.traceId]);
  // Scroll once per request (a later collapse must not scroll back); wait while the row is not yet visible.
  const handledSeq = useRef(0);
  useEffect(() => {
    if (!scrollRequest || scrollRequest.seq === handledSeq.current) return;
    const visibleIdx = visibleRows.indexOf(scrollRequest.row);
    if (visibleIdx < 0) return;
    handledSeq.current = scrollRequest.seq;
    virtualizer.scrollToIndex(visibleIdx, { align: 'auto' });
  }, [scrollRequest, visibleRows, virtualizer]);
  return (
    <div
      className="waterfall-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="treegrid"
      aria-label="Spans: arrow keys move and fold"
      onKeyDown={(e) => {
        if (!e.altKey && !e.ctrlKey && !e.metaKey && actions.waterfallKey(e.key)) e.preventDefault();
      }}
    >
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        <div className="waterfall-grid tick-layer">
          <span />
          <TickLines durationNs={columns.traceDurationNs} />
        </div>
        {virtualizer.getVirtualItems().map((item) => {
          const row = visibleRows[item.index]!;
          return <WaterfallRow key={row} columns={columns} row={row} top={item.start} height={ROW_HEIGHT} />;
        })}
      </div>
    </div>
  );
}
