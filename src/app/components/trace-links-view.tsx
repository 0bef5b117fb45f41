// The selected trace's span links, both ways, as a graph laid out with d3-hierarchy: the trace as one
// collapsed node, each linked span as a node, arrows from the span holding the link to its target. A loaded
// end opens that trace at that span; an end that is not loaded is drawn dashed with its ids.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useMemo } from 'react';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import { useActions } from '../actions-context.ts';
import { spanMeets } from '../graph/cull.ts';
import { layoutGraph, NODE_H, NODE_W } from '../graph/layout.ts';
import { useScrollBox } from '../graph/use-scroll-box.ts';
import { useStore } from '../state/store.ts';

/** How far an edge's curve and label reach beyond the box of its ends. */
const EDGE_PAD = 40;

interface LinkNode {
  readonly id: string;
  readonly label: string;
  readonly sub: string;
  readonly link: TraceLink | null;
}

function nodesAndEdges(traceId: string, links: readonly TraceLink[]) {
  const self = `trace:${traceId}`;
  const nodes = new Map<string, LinkNode>([[self, { id: self, label: 'this trace', sub: `${traceId.slice(0, 16)}…`, link: null }]]);
  const edges: Array<{ from: string; to: string; label: string }> = [];
  for (const l of links) {
    const id = `${l.otherTraceId}/${l.otherSpanId}`;
    if (!nodes.has(id)) nodes.set(id, { id, label: l.other ? `${l.other.service} · ${l.other.name}` : 'not loaded', sub: l.other ? `trace ${l.otherTraceId.slice(0, 8)}…` : `${l.otherTraceId} / ${l.otherSpanId}`, link: l });
    edges.push(l.direction === 'out' ? { from: self, to: id, label: l.local.name } : { from: id, to: self, label: l.local.name });
  }
  return { nodes, edges };
}

export function TraceLinksView() {
  const actions = useActions();
  const traceId = useStore((s) => s.traceId);
  const links = useWorkerAnswer<TraceLink[] | null>(() => (traceId ? actions.traceLinks(traceId) : undefined), [actions, traceId], null);
  const graph = useMemo(() => (traceId && links ? nodesAndEdges(traceId, links) : null), [traceId, links]);
  const layout = useMemo(() => (graph ? layoutGraph([...graph.nodes.keys()], graph.edges) : null), [graph]);
  const at = useMemo(() => new Map(layout?.nodes.map((n) => [n.id, n])), [layout]);
  const [view, setScroller] = useScrollBox();
  if (!traceId) return <p className="empty">Choose a trace.</p>;
  if (!links || !graph || !layout) return <p className="empty">Reading links…</p>;
  if (links.length === 0) return <p className="empty" data-testid="trace-links">This trace has no span links, and no loaded span links to it.</p>;
  const open = (l: TraceLink): void => {
    if (l.other) void actions.jumpTo({ traceId: l.other.traceId, row: l.other.row }).then(() => actions.setView('waterfall'));
  };
  return (
    <div className="graph-view" data-testid="trace-links" ref={setScroller}>
      <svg width={layout.width + 40} height={layout.height + 10} role="img" aria-label="span links">
        <defs>
          <marker id="link-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
          </marker>
        </defs>
        {view && graph.edges.map((e, edgeIdx) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          if (!spanMeets(view, a.x + NODE_W, a.y, b.x, b.y + NODE_H, EDGE_PAD)) return null;
          const mid = (a.x + NODE_W + b.x) / 2;
          return (
            <g key={edgeIdx} className="graph-edge">
              <path d={`M${a.x + NODE_W},${a.y + NODE_H / 2} C${mid},${a.y + NODE_H / 2} ${mid},${b.y + NODE_H / 2} ${b.x},${b.y + NODE_H / 2}`} markerEnd="url(#link-arrow)" />
              <text x={mid} y={(a.y + b.y) / 2 + NODE_H / 2 - 4} textAnchor="middle">{e.label.length > 28 ? `${e.label.slice(0, 27)}…` : e.label}</text>
            </g>
          );
        })}
        {view && [...graph.nodes.values()].map((n) => {
          const p = at.get(n.id)!;
          if (!spanMeets(view, p.x, p.y, p.x + NODE_W, p.y + NODE_H)) return null;
          const missing = n.link !== null && !n.link.other;
          return (
            <g
              key={n.id}
              className={`graph-node${missing ? ' virtual' : ''}`}
              data-testid={n.link ? (missing ? 'trace-link-missing' : 'trace-link') : 'trace-link-self'}
              transform={`translate(${p.x},${p.y})`}
              role={n.link?.other ? 'button' : undefined}
              onClick={() => n.link && open(n.link)}
            >
              <title>{n.link ? `${n.link.otherTraceId} / ${n.link.otherSpanId}` : traceId}</title>
              <rect width={NODE_W} height={NODE_H} rx={5} />
              <text x={NODE_W / 2} y={14} textAnchor="middle">{n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label}</text>
              <text x={NODE_W / 2} y={27} textAnchor="middle" className="node-sub">{n.sub.length > 26 ? `${n.sub.slice(0, 25)}…` : n.sub}</text>
            </g>
          );
        })}
      </svg>
      <p className="muted small graph-hint">Arrows go from the span holding the link to its target. Click a linked span to open its trace there; dashed nodes are not loaded.</p>
    </div>
  );
}
