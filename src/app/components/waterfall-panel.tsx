// The open trace's waterfall: a header (title, collapse/expand all, time axis) over the virtualized rows.
import { useStore } from '../state/store.ts';
import { TimeAxis } from './time-axis.tsx';
import { WaterfallBody } from './waterfall-body.tsx';
import { WaterfallTitle } from './waterfall-title.tsx';

export function WaterfallPanel() {
  const columns = useStore((s) => s.columns);
  return (
    <section className="panel waterfall-panel" aria-label="Waterfall">
      {columns ? (
        <>
          <WaterfallTitle columns={columns} />
          <TimeAxis durationNs={columns.traceDurationNs} />
          <WaterfallBody columns={columns} />
        </>
      ) : (
        <p className="empty">Choose a trace to see its waterfall.</p>
      )}
    </section>
  );
}
