// The open trace's waterfall: a header (title, collapse/expand all, time axis) over the virtualized rows.
import { useStore } from '../state/store.ts';
import type { MainView } from '../state/waterfall-slice.ts';
import { CompareView } from './compare-view.tsx';
import { PreviewNote } from './preview-note.tsx';
import { ServiceGraphView } from './service-graph-view.tsx';
import { StatsView } from './stats-view.tsx';
import { TraceLinksView } from './trace-links-view.tsx';
import { TraceTreeView } from './trace-tree-view.tsx';
import { WaterfallArea } from './waterfall-area.tsx';
import { WaterfallTitle } from './waterfall-title.tsx';

const VIEWS: Array<[MainView, string]> = [['waterfall', 'Waterfall'], ['tree', 'Tree'], ['services', 'Service graph'], ['links', 'Links'], ['stats', 'Statistics'], ['compare', 'Compare']];

function ViewTabs() {
  const view = useStore((s) => s.view);
  return (
    <div className="side-tabs view-tabs" role="tablist">
      {VIEWS.map(([v, label]) => (
        <button key={v} type="button" role="tab" data-testid={`view-${v}`} aria-selected={view === v} className={`side-tab${view === v ? ' active' : ''}`} onClick={() => useStore.getState().viewChosen(v)}>
          {label}
        </button>
      ))}
    </div>
  );
}

export function WaterfallPanel() {
  const columns = useStore((s) => s.columns);
  const view = useStore((s) => s.view);
  return (
    <section className="panel waterfall-panel" aria-label="Waterfall">
      <ViewTabs />
      <PreviewNote />
      {view === 'compare' ? <CompareView /> : view === 'stats' ? <StatsView /> : view === 'services' ? <ServiceGraphView /> : view === 'links' ? <TraceLinksView /> : view === 'tree' && columns ? <TraceTreeView columns={columns} /> : columns ? (
        <>
          <WaterfallTitle columns={columns} />
          <WaterfallArea columns={columns} />
        </>
      ) : (
        <p className="empty">Choose a trace to see its waterfall.</p>
      )}
    </section>
  );
}
