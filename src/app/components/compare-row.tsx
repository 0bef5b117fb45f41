// One span of the comparison: +/− marker, the name indented by depth, durations A → B with the delta, and
// A's and B's bars side by side (A above, B below) on the time axis both traces share.
import type { DiffNode } from '../../core/compare/diff.ts';
import { formatDuration } from '../format.ts';
import { indentStyle } from '../indent.ts';

const MARK: Record<DiffNode['status'], string> = { added: '+', removed: '−', changed: '~', same: '=' };

/** The colour class: added green, removed red, slower orange, faster blue. */
export function tone(n: DiffNode): string {
  if (n.status !== 'changed') return n.status;
  return n.deltaNs > 0 ? 'slower' : 'faster';
}

function delta(n: DiffNode): string {
  if (n.status === 'added' || n.status === 'removed') return n.status;
  const sign = n.deltaNs > 0 ? '+' : n.deltaNs < 0 ? '−' : '±';
  const pct = n.deltaPct === null ? '' : ` (${sign}${Math.abs(n.deltaPct).toFixed(0)}%)`;
  return `${sign}${formatDuration(Math.abs(n.deltaNs))}${pct}`;
}

function Bar({ start, dur, scaleNs, side }: { start: number | undefined; dur: number | undefined; scaleNs: number; side: 'a' | 'b' }) {
  if (start === undefined || dur === undefined) return <div className="compare-bar-lane" />;
  return (
    <div className="compare-bar-lane">
      <div className={`compare-bar compare-bar-${side}`} style={{ left: `${(start / scaleNs) * 100}%`, width: `max(1px, ${(dur / scaleNs) * 100}%)` }} />
    </div>
  );
}

export function CompareRow({ node, scaleNs }: { node: DiffNode; scaleNs: number }) {
  const t = tone(node);
  return (
    <li className={`compare-row compare-${t}`} data-testid="compare-row" data-status={node.status} data-tone={t}>
      <span className="compare-mark" aria-label={node.status}>{MARK[node.status]}</span>
      <span className="compare-name" style={{ paddingLeft: indentStyle(node.depth) }} title={node.segment}>
        <span className="compare-service">{node.service}</span> {node.name}
      </span>
      <span className="compare-durations">
        {node.durA === undefined ? '—' : formatDuration(node.durA)} → {node.durB === undefined ? '—' : formatDuration(node.durB)}
        <span className="compare-delta" data-testid="compare-delta"> {delta(node)}</span>
      </span>
      <span className="compare-bars" aria-hidden="true">
        <Bar start={node.startA} dur={node.durA} scaleNs={scaleNs} side="a" />
        <Bar start={node.startB} dur={node.durB} scaleNs={scaleNs} side="b" />
      </span>
    </li>
  );
}
