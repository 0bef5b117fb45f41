// One span of the waterfall: indented name cell (toggle, service, kind, name, marks) and its duration bar.
// The element carries data-testid="waterfall-row" and data-span-id, a contract the tests rely on.
import { memo, useMemo } from 'react';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { formatDuration } from '../format.ts';
import { RowFlag, serviceColor } from '../span-vocab.ts';
import { rowSeverity } from '../state/findings-slice.ts';
import { isMatchRow } from '../state/search-slice.ts';
import { useStore } from '../state/store.ts';
import { criticalSectionsOf, isFanOnPath } from '../state/waterfall-slice.ts';
import { RowMarks } from './row-marks.tsx';
import { SpanBar } from './span-bar.tsx';
import { spanIdAt } from '../span-ids.ts';
import { indentStyle, isIndentCapped } from '../indent.ts';

interface Props {
  readonly columns: PageColumns;
  readonly row: number;
  readonly top: number;
  readonly height: number;
}

/**
 * Memoized: while the waterfall scrolls, the virtualizer renders its body every frame, and the rows still in
 * view keep their props (a row's place is its own), so only the rows coming into view render.
 */
export const WaterfallRow = memo(function WaterfallRow({ columns, row, top, height }: Props) {
  const actions = useActions();
  const isSelected = useStore((s) => s.selectedRow === row);
  const isCollapsed = useStore((s) => s.collapsed.has(row));
  const isMatch = useStore((s) => isMatchRow(s, row));
  const isQueryMatch = useStore((s) => s.queryRows?.get(columns.traceId)?.has(row) ?? false);
  const findingSeverity = useStore((s) => rowSeverity(s, columns.traceId, row));
  const criticalPath = useStore((s) => (s.criticalPath?.traceId === columns.traceId ? s.criticalPath : null));
  // The path's sections stay in the worker's sorted columns; each drawn row looks up its own.
  const critical = useMemo(() => (criticalPath ? criticalSectionsOf(criticalPath, row) : []), [criticalPath, row]);
  const fanIdx = columns.fanOf[row]!;
  const fan = fanIdx >= 0 ? columns.fans[fanIdx] : undefined;
  const isFanExpanded = useStore((s) => fanIdx >= 0 && s.expandedFans.has(fanIdx));
  const isFoldedFan = fan !== undefined && fan.headRow === row && !isFanExpanded;
  const isCriticalFan = useMemo(() => isFoldedFan && criticalPath !== null && isFanOnPath(criticalPath, columns, fan, fanIdx), [isFoldedFan, criticalPath, columns, fan, fanIdx]);
  const flags = columns.flags[row]!;
  const name = columns.names[columns.nameIdx[row]!] ?? '';
  // Learn mode highlights the rows its step talks about.
  const isLearnMark = useStore((s) => s.learnMark?.traceId === columns.traceId && s.learnMark.names.includes(name));
  const serviceIdx = columns.service[row]!;
  const service = columns.services[serviceIdx] ?? '';
  const hasChildren = (flags & RowFlag.HAS_CHILDREN) !== 0;
  const numHidden = columns.subtreeEnd[row]! - row - 1;
  const color = serviceColor(serviceIdx);
  const depth = columns.depth[row]!;
  return (
    <div
      className={`waterfall-grid waterfall-row${isSelected ? ' selected' : ''}${flags & RowFlag.ERROR ? ' error' : ''}${isMatch ? ' match' : ''}${isQueryMatch ? ' query-match' : ''}${critical.length > 0 || isCriticalFan ? ' critical' : ''}${isFoldedFan ? ' fan' : ''}${isLearnMark ? ' learn-mark' : ''}`}
      data-match={isMatch || undefined}
      data-query-match={isQueryMatch || undefined}
      data-fan-count={isFoldedFan ? fan.count : undefined}
      data-learn-mark={isLearnMark || undefined}
      data-testid="waterfall-row"
      data-span-id={spanIdAt(columns, row)}
      data-row={row}
      role="row"
      aria-level={depth + 1}
      aria-selected={isSelected}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => {
        // Keep keyboard focus in the waterfall so arrow keys continue from the clicked row.
        (e.currentTarget.closest('.waterfall-scroll') as HTMLElement | null)?.focus({ preventScroll: true });
        void actions.selectRow(row);
      }}
    >
      <div className="name-cell" style={{ paddingLeft: indentStyle(depth) }}>
        {isIndentCapped(depth) ? (
          <span className="depth-tag" data-testid="depth-tag" title={`${depth.toLocaleString('en-US')} levels below the root: rows this deep are indented no further`}>
            ↳{depth.toLocaleString('en-US')}
          </span>
        ) : null}
        {isFoldedFan ? (
          <button
            type="button"
            className="row-toggle"
            data-testid="fan-toggle"
            aria-expanded={false}
            aria-label={`show all ${fan.count} ${fan.name} spans`}
            onClick={(e) => {
              e.stopPropagation();
              void actions.toggleFan(fanIdx);
            }}
          >
            ▸
          </button>
        ) : hasChildren ? (
          <button
            type="button"
            className="row-toggle"
            data-testid="row-toggle"
            aria-expanded={!isCollapsed}
            aria-label={isCollapsed ? `expand ${numHidden} spans` : 'collapse'}
            onClick={(e) => {
              e.stopPropagation();
              void actions.toggleRow(row);
            }}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="row-toggle-space" />
        )}
        <span className="service-chip" style={{ backgroundColor: color }} />
        <span className="service-name" style={{ color }}>{service}</span>
        {isFoldedFan ? (
          <span className="span-name fan-name" data-testid="fan-label" title={`${fan.count.toLocaleString('en-US')} sibling spans named ${name}, folded into one row`}>
            ×{fan.count.toLocaleString('en-US')} {name}
          </span>
        ) : (
          <span className="span-name" title={name}>{name}</span>
        )}
        {fan && fan.headRow === row && isFanExpanded ? (
          <button
            type="button"
            className="badge fan-fold"
            data-testid="fan-toggle"
            aria-expanded={true}
            aria-label={`fold the ${fan.count} ${fan.name} spans into one row`}
            onClick={(e) => {
              e.stopPropagation();
              void actions.toggleFan(fanIdx);
            }}
          >
            ×{fan.count.toLocaleString('en-US')} fold
          </button>
        ) : null}
        {isCollapsed && !isFoldedFan ? <span className="badge hidden-count">+{numHidden}</span> : null}
        <RowMarks flags={flags} kind={columns.kind[row]!} />
        {findingSeverity ? <span className={`badge finding-badge ${findingSeverity}`} data-testid="finding-badge" title={`lint findings (${findingSeverity})`}>!</span> : null}
      </div>
      {isFoldedFan ? (
        <SpanBar
          startNs={fan.startNs}
          durNs={fan.endNs - fan.startNs}
          traceDurationNs={columns.traceDurationNs}
          color={color}
          label={`Σ ${formatDuration(fan.totalNs)} · avg ${formatDuration(fan.totalNs / fan.count)} · max ${formatDuration(fan.maxNs)}${fan.numErrors > 0 ? ` · ${fan.numErrors} errors` : ''}`}
          title={`${fan.count.toLocaleString('en-US')} × ${service} · ${name}\nfrom +${formatDuration(fan.startNs)} to +${formatDuration(fan.endNs)}\nshortest ${formatDuration(fan.minNs)} · longest ${formatDuration(fan.maxNs)}`}
          fan
          {...(isCriticalFan ? { criticalFan: true } : {})}
        />
      ) : (
      <SpanBar
        startNs={columns.startNs[row]!}
        durNs={columns.durNs[row]!}
        traceDurationNs={columns.traceDurationNs}
        color={color}
        label={flags & RowFlag.NOT_ENDED ? 'not ended' : formatDuration(columns.durNs[row]!)}
        title={`${service} · ${name}\nstarts +${formatDuration(columns.startNs[row]!)} · lasts ${formatDuration(columns.durNs[row]!)}`}
        {...(critical.length > 0 ? { critical } : {})}
      />
      )}
    </div>
  );
});
