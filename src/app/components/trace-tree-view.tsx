// The span tree of the open trace as a d3-hierarchy tree: a node per visible span (collapsing works as in
// the waterfall), links within the trace drawn as dashed edges over it. Wheel zooms, dragging pans; only
// nodes inside the viewport are drawn. The layout is worked out in a worker of its own (tree-layout.worker.ts):
// on the page, a fully expanded 1M-span trace froze it for seconds.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { spanMeets } from '../graph/cull.ts';
import { TREE_DX, type TreeLayout } from '../graph/layout.ts';
import { layOutTreeOffPage } from '../graph/tree-layout-client.ts';
import { placeView, type TreeAnchor, type TreeView } from '../graph/tree-view-place.ts';
import { RowFlag, serviceColor } from '../span-vocab.ts';
import { useStore } from '../state/store.ts';
import { spanIdAt } from '../span-ids.ts';

export function TraceTreeView({ columns }: { columns: PageColumns }) {
  const actions = useActions();
  const rows = useStore((s) => s.visibleRows);
  const collapsed = useStore((s) => s.collapsed);
  const selectedRow = useStore((s) => s.selectedRow);
  const answer = useWorkerAnswer<LayoutAnswer | null>(
    () => layOutTreeOffPage(rows, columns.depth).then((layout) => ({ columns, rows, layout }), (err: unknown) => ({ columns, rows, error: err instanceof Error ? err.message : String(err) })),
    [rows, columns],
    null,
  );
  // An answer for another trace is not drawn (its nodes would point at the wrong spans); one for this trace's
  // rows before a fold stays until the new one comes, so the tree does not blink.
  const current = answer?.columns === columns ? answer : null;
  const isLayingOut = current?.rows !== rows;
  const layout = current && 'layout' in current ? current.layout : null;
  const [view, setView] = useState<TreeView>({ x: 0, y: 0, k: 1 });
  const [size, setSize] = useState({ w: 800, h: 400 });
  // A new layout (another trace, a fold) moves the view so the user keeps their place (tree-view-place.ts);
  // state adjusted while rendering, as React advises for a changed input.
  const [anchor, setAnchor] = useState<TreeAnchor | null>(null);
  const [placedFor, setPlacedFor] = useState<LayoutAnswer | null>(null);
  if (layout && current && placedFor !== current) {
    setPlacedFor(current);
    setAnchor(null);
    const placed = placeView(layout, view, size, anchor, placedFor?.columns !== columns);
    if (placed) setView(placed);
  }
  const traceId = columns.traceId;
  const links = useWorkerAnswer<TraceLink[]>(() => actions.traceLinks(traceId).then((l) => l.filter((x) => x.direction === 'out' && x.other?.traceId === traceId)), [actions, traceId], []);
  // Row → node index, for the links drawn (a node's parent is already an index); built only when the trace
  // has links inside it, as it is a pass over every row on the page. A plain loop: forEach over 1M rows
  // cost the page 35 ms.
  const nodeOfRow = useMemo(() => {
    if (!layout || links.length === 0) return null;
    const at = new Int32Array(columns.depth.length).fill(-1);
    for (let i = 0; i < layout.rows.length; i++) at[layout.rows[i]!] = i;
    return at;
  }, [layout, columns, links]);
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
  const shown = layout ? nodesWithin(layout, x0, x1, y0, y1) : [];
  const culled = { x0, y0, x1, y1 };

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
          {layout && shown.map((i) => {
            const p = layout.parent[i]!;
            const [px, py, nx, ny] = [layout.x[p]!, layout.y[p]!, layout.x[i]!, layout.y[i]!];
            return p >= 0 ? <path key={`e${layout.rows[i]}`} className="tree-edge" d={`M${px + 8},${py} C${(px + nx) / 2},${py} ${(px + nx) / 2},${ny} ${nx - 4},${ny}`} /> : null;
          })}
          {layout && nodeOfRow && links.map((l, linkIdx) => {
            const a = nodeOfRow[l.local.row] ?? -1;
            const b = l.other ? (nodeOfRow[l.other.row] ?? -1) : -1;
            if (a < 0 || b < 0) return null;
            const [ax, ay, bx, by] = [layout.x[a]!, layout.y[a]!, layout.x[b]!, layout.y[b]!];
            // The curve bulges 120 px right of its rightmost end.
            if (!spanMeets(culled, Math.min(ax, bx), ay, Math.max(ax, bx) + 120, by)) return null;
            return <path key={`l${linkIdx}`} className="tree-link" d={`M${ax},${ay} Q${Math.max(ax, bx) + 120},${(ay + by) / 2} ${bx},${by}`} />;
          })}
          {layout && shown.map((i) => {
            const n = { row: layout.rows[i]!, x: layout.x[i]!, y: layout.y[i]! };
            const hasChildren = (columns.flags[n.row]! & RowFlag.HAS_CHILDREN) !== 0;
            const name = columns.names[columns.nameIdx[n.row]!] ?? '';
            return (
              <g key={n.row} className={`tree-node${selectedRow === n.row ? ' selected' : ''}${columns.flags[n.row]! & RowFlag.ERROR ? ' error' : ''}`} data-testid="tree-node" data-span-id={spanIdAt(columns, n.row)} transform={`translate(${n.x},${n.y})`}>
                <circle
                  r={5}
                  data-testid="tree-toggle"
                  style={{ fill: collapsed.has(n.row) ? serviceColor(columns.service[n.row]!) : 'var(--panel)', stroke: serviceColor(columns.service[n.row]!) }}
                  onClick={() => {
                    if (!hasChildren) return;
                    setAnchor({ row: n.row, screenX: n.x * view.k + view.x, screenY: n.y * view.k + view.y });
                    void actions.toggleRow(n.row);
                  }}
                />
                <text x={10} y={4} onClick={() => void actions.selectRow(n.row)}>{name.length > 26 ? `${name.slice(0, 25)}…` : name}</text>
              </g>
            );
          })}
        </g>
      </svg>
      <p className="muted small tree-hint" data-testid="tree-hint" aria-live="polite">
        {isLayingOut
          ? `laying out ${rows.length.toLocaleString('en-US')} spans…`
          : current && 'error' in current
            ? `The tree could not be laid out: ${current.error}`
            : `${rows.length.toLocaleString('en-US')} spans · wheel to zoom, drag to pan, click a circle to fold`}
      </p>
    </div>
  );
}

type LayoutAnswer = { readonly columns: PageColumns; readonly rows: Int32Array } & ({ readonly layout: TreeLayout } | { readonly error: string });

/** Indexes of the nodes inside the box: a plain loop over the columns (a fully expanded 1M-span trace has 1M). */
function nodesWithin(layout: TreeLayout, x0: number, x1: number, y0: number, y1: number): number[] {
  const out: number[] = [];
  const { x, y } = layout;
  for (let i = 0; i < x.length; i++) if (x[i]! >= x0 && x[i]! <= x1 && y[i]! >= y0 && y[i]! <= y1) out.push(i);
  return out;
}
