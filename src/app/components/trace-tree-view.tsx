// The span tree of the open trace as a d3-hierarchy tree: a node per visible span (collapsing works as in
// the waterfall), links within the trace drawn as dashed edges over it. Wheel zooms, dragging pans; only
// nodes inside the viewport are drawn, so 10k-span traces stay usable.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { layoutTraceTree, TREE_DX } from '../graph/layout.ts';
import { RowFlag, serviceColor } from '../span-vocab.ts';
import { useStore } from '../state/store.ts';
import { spanIdAt } from '../span-ids.ts';

interface View {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export function TraceTreeView({ columns }: { columns: PageColumns }) {
  const actions = useActions();
  const rows = useStore((s) => s.visibleRows);
  const collapsed = useStore((s) => s.collapsed);
  const selectedRow = useStore((s) => s.selectedRow);
  const layout = useMemo(() => layoutTraceTree(rows, columns.depth), [rows, columns]);
  const at = useMemo(() => new Map(layout.nodes.map((n) => [n.row, n])), [layout]);
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const [size, setSize] = useState({ w: 800, h: 400 });
  const traceId = columns.traceId;
  const links = useWorkerAnswer<TraceLink[]>(() => actions.traceLinks(traceId).then((l) => l.filter((x) => x.direction === 'out' && x.other?.traceId === traceId)), [actions, traceId], []);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Cull to the viewport (in layout coordinates), with a margin.
  const x0 = -view.x / view.k - TREE_DX;
  const y0 = -view.y / view.k - 50;
  const x1 = x0 + size.w / view.k + 2 * TREE_DX;
  const y1 = y0 + size.h / view.k + 100;
  const shown = layout.nodes.filter((n) => n.x >= x0 && n.x <= x1 && n.y >= y0 && n.y <= y1);

  return (
    <div
      ref={box}
      className="tree-view"
      data-testid="trace-tree"
      onWheel={(e) => {
        const k = Math.min(4, Math.max(0.05, view.k * (e.deltaY < 0 ? 1.15 : 1 / 1.15)));
        const rect = e.currentTarget.getBoundingClientRect();
        const mx = e.clientX - rect.left;
        const my = e.clientY - rect.top;
        setView({ k, x: mx - ((mx - view.x) * k) / view.k, y: my - ((my - view.y) * k) / view.k });
      }}
      onPointerDown={(e) => {
        drag.current = { x: e.clientX - view.x, y: e.clientY - view.y };
      }}
      onPointerMove={(e) => {
        if (drag.current && e.buttons === 1) setView({ ...view, x: e.clientX - drag.current.x, y: e.clientY - drag.current.y });
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
    >
      <svg width={size.w} height={size.h} role="img" aria-label="span tree">
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {shown.map((n) => {
            const p = at.get(n.parentRow);
            return p ? <path key={`e${n.row}`} className="tree-edge" d={`M${p.x + 8},${p.y} C${(p.x + n.x) / 2},${p.y} ${(p.x + n.x) / 2},${n.y} ${n.x - 4},${n.y}`} /> : null;
          })}
          {links.map((l, linkIdx) => {
            const a = at.get(l.local.row);
            const b = l.other ? at.get(l.other.row) : undefined;
            return a && b ? <path key={`l${linkIdx}`} className="tree-link" d={`M${a.x},${a.y} Q${Math.max(a.x, b.x) + 120},${(a.y + b.y) / 2} ${b.x},${b.y}`} /> : null;
          })}
          {shown.map((n) => {
            const hasChildren = (columns.flags[n.row]! & RowFlag.HAS_CHILDREN) !== 0;
            const name = columns.names[columns.nameIdx[n.row]!] ?? '';
            return (
              <g key={n.row} className={`tree-node${selectedRow === n.row ? ' selected' : ''}${columns.flags[n.row]! & RowFlag.ERROR ? ' error' : ''}`} data-testid="tree-node" data-span-id={spanIdAt(columns, n.row)} transform={`translate(${n.x},${n.y})`}>
                <circle
                  r={5}
                  data-testid="tree-toggle"
                  style={{ fill: collapsed.has(n.row) ? serviceColor(columns.service[n.row]!) : 'var(--panel)', stroke: serviceColor(columns.service[n.row]!) }}
                  onClick={() => hasChildren && void actions.toggleRow(n.row)}
                />
                <text x={10} y={4} onClick={() => void actions.selectRow(n.row)}>{name.length > 26 ? `${name.slice(0, 25)}…` : name}</text>
              </g>
            );
          })}
        </g>
      </svg>
      <p className="muted small tree-hint">{layout.nodes.length.toLocaleString('en-US')} spans · wheel to zoom, drag to pan, click a circle to fold</p>
    </div>
  );
}
