// A span's duration bar on the trace's time axis, with its duration beside it.
interface Props {
  readonly startNs: number;
  readonly durNs: number;
  readonly traceDurationNs: number;
  readonly color: string;
  readonly label: string;
  /** Hover text: the span and its exact offset and duration. */
  readonly title: string;
  /** Critical-path sections of this span, [startNs, endNs] from the trace start. */
  readonly critical?: ReadonlyArray<readonly [number, number]>;
  /** A folded fan: the bar spans its members' time range and is drawn lighter. */
  readonly fan?: boolean;
  /** A folded fan the critical path runs through: its whole bar is outlined (unfolding shows where). */
  readonly criticalFan?: boolean;
}

export function SpanBar({ startNs, durNs, traceDurationNs, color, label, title, critical, fan, criticalFan }: Props) {
  const total = traceDurationNs > 0 ? traceDurationNs : 1;
  const left = Math.min(1, Math.max(0, startNs / total));
  const width = Math.min(1 - left, Math.max(0, durNs / total));
  // Keep the label inside the track: after the bar, before it, or (a bar across nearly all) inside it.
  const place = left + width < 0.82 ? 'after' : left > 0.18 ? 'before' : 'inside';
  const labelStyle =
    place === 'after'
      ? { left: `calc(${((left + width) * 100).toFixed(4)}% + 6px)` }
      : place === 'before'
        ? { right: `calc(${((1 - left) * 100).toFixed(4)}% + 6px)` }
        : { left: `calc(${(left * 100).toFixed(4)}% + 6px)` };
  return (
    <div className="bar-track" title={title}>
      <div className={fan ? 'bar fan-bar' : 'bar'} style={{ left: `${(left * 100).toFixed(4)}%`, width: `max(2px, ${(width * 100).toFixed(4)}%)`, backgroundColor: color }} />
      {criticalFan ? (
        <div className="critical-section" data-testid="critical-fan" style={{ left: `${(left * 100).toFixed(4)}%`, width: `max(2px, ${(width * 100).toFixed(4)}%)` }} />
      ) : null}
      {critical?.map(([a, b], sectionIdx) => (
        <div key={sectionIdx} className="critical-section" data-testid="critical-section" style={{ left: `${((a / total) * 100).toFixed(4)}%`, width: `max(2px, ${(((b - a) / total) * 100).toFixed(4)}%)` }} />
      ))}
      <span className={`bar-label ${place}`} style={labelStyle}>
        {label}
      </span>
    </div>
  );
}
