// One span of the waterfall: indented name cell (toggle, service, kind, name, marks) and its duration bar.
// The element carries data-testid="waterfall-row" and data-span-id, a contract the tests rely on.
import type { WaterfallColumns } from '../../core/model/waterfall.ts';
import { useActions } from '../actions-context.ts';
import { formatDuration } from '../format.ts';
import { RowFlag, serviceColor } from '../span-vocab.ts';
import { useStore } from '../state/store.ts';
import { RowMarks } from './row-marks.tsx';
import { SpanBar } from './span-bar.tsx';

const INDENT_PX = 14;

interface Props {
  readonly columns: WaterfallColumns;
  readonly row: number;
  readonly top: number;
  readonly height: number;
}

export function WaterfallRow({ columns, row, top, height }: Props) {
  const actions = useActions();
  const isSelected = useStore((s) => s.selectedRow === row);
  const isCollapsed = useStore((s) => s.collapsed.has(row));
  const isMatch = useStore((s) => s.searchText !== '' && s.matches.includes(row));
  const findingSeverity = useStore((s) => s.findingRows.get(columns.traceId)?.get(row));
  const critical = useStore((s) => (s.criticalPath?.traceId === columns.traceId ? s.criticalPath.sections.get(row) : undefined));
  const flags = columns.flags[row]!;
  const name = columns.names[columns.nameIdx[row]!] ?? '';
  // Learn mode highlights the rows its step talks about.
  const isLearnMark = useStore((s) => s.learnMark?.traceId === columns.traceId && s.learnMark.names.includes(name));
  const serviceIdx = columns.service[row]!;
  const service = columns.services[serviceIdx] ?? '';
  const hasChildren = (flags & RowFlag.HAS_CHILDREN) !== 0;
  const numHidden = columns.subtreeEnd[row]! - row - 1;
  const color = serviceColor(serviceIdx);
  return (
    <div
      className={`waterfall-grid waterfall-row${isSelected ? ' selected' : ''}${flags & RowFlag.ERROR ? ' error' : ''}${isMatch ? ' match' : ''}${critical ? ' critical' : ''}${isLearnMark ? ' learn-mark' : ''}`}
      data-match={isMatch || undefined}
      data-learn-mark={isLearnMark || undefined}
      data-testid="waterfall-row"
      data-span-id={columns.spanIds[row]}
      data-row={row}
      role="row"
      aria-level={columns.depth[row]! + 1}
      aria-selected={isSelected}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => {
        // Keep keyboard focus in the waterfall so arrow keys continue from the clicked row.
        (e.currentTarget.closest('.waterfall-scroll') as HTMLElement | null)?.focus({ preventScroll: true });
        void actions.selectRow(row);
      }}
    >
      <div className="name-cell" style={{ paddingLeft: columns.depth[row]! * INDENT_PX }}>
        {hasChildren ? (
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
        <span className="span-name" title={name}>{name}</span>
        {isCollapsed ? <span className="badge hidden-count">+{numHidden}</span> : null}
        <RowMarks flags={flags} kind={columns.kind[row]!} />
        {findingSeverity ? <span className={`badge finding-badge ${findingSeverity}`} data-testid="finding-badge" title={`lint findings (${findingSeverity})`}>!</span> : null}
      </div>
      <SpanBar
        startNs={columns.startNs[row]!}
        durNs={columns.durNs[row]!}
        traceDurationNs={columns.traceDurationNs}
        color={color}
        label={flags & RowFlag.NOT_ENDED ? 'not ended' : formatDuration(columns.durNs[row]!)}
        title={`${service} · ${name}\nstarts +${formatDuration(columns.startNs[row]!)} · lasts ${formatDuration(columns.durNs[row]!)}`}
        {...(critical ? { critical } : {})}
      />
    </div>
  );
}
