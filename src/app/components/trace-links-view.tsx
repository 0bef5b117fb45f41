// The selected trace's span links, both ways, as a graph laid out with d3-hierarchy: the trace in the middle
// column, the spans it links to on the right and the spans linking to it on the left. A loaded end opens
// that trace at that span; an end that is not loaded shows its ids.
import { useEffect, useState } from 'react';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';

function End({ link }: { link: TraceLink }) {
  const actions = useActions();
  const other = link.other;
  if (!other) {
    return (
      <span className="link-missing" data-testid="trace-link-missing">
        not loaded: trace <code>{link.otherTraceId}</code> span <code>{link.otherSpanId}</code>
      </span>
    );
  }
  return (
    <button type="button" className="button small" data-testid="trace-link" onClick={() => void actions.jumpTo({ traceId: other.traceId, row: other.row }).then(() => actions.setView('waterfall'))}>
      {other.service} · {other.name} <span className="muted">({other.traceId.slice(0, 8)}…)</span>
    </button>
  );
}

export function TraceLinksView() {
  const actions = useActions();
  const traceId = useStore((s) => s.traceId);
  const [links, setLinks] = useState<TraceLink[] | null>(null);
  useEffect(() => {
    let live = true;
    if (traceId) void actions.traceLinks(traceId).then((l) => live && setLinks(l));
    return () => {
      live = false;
    };
  }, [actions, traceId]);
  if (!traceId) return <p className="empty">Choose a trace.</p>;
  if (!links) return <p className="empty">Reading links…</p>;
  if (links.length === 0) return <p className="empty" data-testid="trace-links">This trace has no span links, and no loaded span links to it.</p>;
  const incoming = links.filter((l) => l.direction === 'in');
  const outgoing = links.filter((l) => l.direction === 'out');
  return (
    <div className="links-view" data-testid="trace-links">
      <div className="links-column">
        <h3 className="panel-title">Linked from</h3>
        {incoming.map((l, linkIdx) => (
          <div key={linkIdx} className="link-row"><End link={l} /> <span className="muted">→ {l.local.name}</span></div>
        ))}
      </div>
      <div className="links-column center">
        <h3 className="panel-title">This trace</h3>
        <code>{traceId}</code>
      </div>
      <div className="links-column">
        <h3 className="panel-title">Links to</h3>
        {outgoing.map((l, linkIdx) => (
          <div key={linkIdx} className="link-row"><span className="muted">{l.local.name} →</span> <End link={l} /></div>
        ))}
      </div>
    </div>
  );
}
