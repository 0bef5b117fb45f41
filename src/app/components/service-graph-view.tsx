// The service graph of everything loaded: services (and virtual peers such as a database) as nodes laid out
// with d3-hierarchy, edges with calls, errors and p95; clicking an edge lists its traces, which open on click.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useMemo, useState } from 'react';
import type { ServiceEdge, ServiceGraph } from '../../core/graph/service-graph.ts';
import { useActions } from '../actions-context.ts';
import { spanMeets } from '../graph/cull.ts';
import { layoutGraph, NODE_H, NODE_W } from '../graph/layout.ts';
import { useScrollBox } from '../graph/use-scroll-box.ts';
import { useStore } from '../state/store.ts';

function EdgeLine({ edge, from, to, onPick, isPicked }: { edge: ServiceEdge; from: { x: number; y: number }; to: { x: number; y: number }; onPick: () => void; isPicked: boolean }) {
  const x1 = from.x + NODE_W;
  const y1 = from.y + NODE_H / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_H / 2;
  const mid = (x1 + x2) / 2;
  const d = x2 > x1 ? `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` : `M${x1},${y1} C${x1 + 60},${y1 - 60} ${x2 - 60},${y2 - 60} ${x2},${y2}`;
  return (
    <g className={`graph-edge${edge.errors ? ' has-errors' : ''}${isPicked ? ' picked' : ''}`} data-testid="graph-edge" data-from={edge.from} data-to={edge.to} onClick={onPick} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onPick()}>
      <path d={d} markerEnd="url(#arrow)" />
      <path d={d} className="edge-hit" />
      <text x={mid} y={(y1 + y2) / 2 - 4} textAnchor="middle">{`${edge.kind} ×${edge.count.toLocaleString('en-US')}${edge.errors ? ` · ${edge.errors.toLocaleString('en-US')} err` : ''} · p95 ${edge.p95Ms.toFixed(1)} ms`}</text>
    </g>
  );
}

export function ServiceGraphView() {
  const actions = useActions();
  const numSpans = useStore((s) => s.numSpans);
  const graph = useWorkerAnswer<ServiceGraph | null>(() => actions.serviceGraph(), [actions, numSpans], null);
  const [picked, setPicked] = useState<ServiceEdge | null>(null);
  const layout = useMemo(() => (graph ? layoutGraph([...graph.services, ...graph.virtualNodes], graph.edges) : null), [graph]);
  const at = useMemo(() => new Map(layout?.nodes.map((n) => [n.id, n])), [layout]);
  const [view, setScroller] = useScrollBox();
  if (!graph || !layout) return <p className="empty">Building the service graph…</p>;
  const virtual = new Set(graph.virtualNodes);
  return (
    <div className="graph-view" data-testid="service-graph" ref={setScroller}>
      <svg width={layout.width + 40} height={layout.height} role="img" aria-label="service graph">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
          </marker>
        </defs>
        {view && graph.edges.map((e) => {
          const from = at.get(e.from)!;
          const to = at.get(e.to)!;
          // A backward edge bulges 60 px up and out (EdgeLine).
          if (!spanMeets(view, from.x + NODE_W, from.y, to.x, to.y + NODE_H, 80)) return null;
          return <EdgeLine key={`${e.from}>${e.to}>${e.kind}`} edge={e} from={from} to={to} isPicked={picked === e} onPick={() => setPicked(e)} />;
        })}
        {view && layout.nodes.filter((n) => spanMeets(view, n.x, n.y, n.x + NODE_W, n.y + NODE_H)).map((n) => (
          <g key={n.id} className={`graph-node${virtual.has(n.id) ? ' virtual' : ''}`} data-testid="graph-node" data-name={n.id} transform={`translate(${n.x},${n.y})`}>
            <rect width={NODE_W} height={NODE_H} rx={virtual.has(n.id) ? 14 : 5} />
            <text x={NODE_W / 2} y={NODE_H / 2 + 4} textAnchor="middle">{n.id.length > 20 ? `${n.id.slice(0, 19)}…` : n.id}</text>
          </g>
        ))}
      </svg>
      {picked ? (
        <div className="edge-traces" data-testid="edge-traces">
          <strong>{picked.from} → {picked.to}</strong> <span className="muted">({picked.kind}, {picked.count} calls, {picked.errors} errors, p50 {picked.p50Ms.toFixed(1)} ms, p95 {picked.p95Ms.toFixed(1)} ms)</span>
          <ul>
            {picked.traceIds.map((id) => (
              <li key={id}>
                <button type="button" className="link-button" onClick={() => void actions.openTrace(id).then(() => actions.setView('waterfall'))}>{id}</button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted small graph-hint">Click an edge to list its traces. Rounded nodes are peers with no spans of their own.</p>
      )}
    </div>
  );
}
