// The time axis over the waterfall's timeline column: round ticks from the trace start.
import { formatTick } from '../format.ts';
import { axisTicks } from '../ticks.ts';

export function TimeAxis({ durationNs }: { durationNs: number }) {
  const ticks = axisTicks(durationNs);
  return (
    <div className="waterfall-grid time-axis" aria-hidden="true">
      <span className="axis-label">Service · span</span>
      <div className="axis-track">
        {ticks.map((t) => (
          <span key={t.ns} className="axis-tick" style={{ left: `${(t.fraction * 100).toFixed(3)}%` }}>
            {formatTick(t.ns)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Faint vertical lines at the same ticks, behind the bars. */
export function TickLines({ durationNs }: { durationNs: number }) {
  return (
    <div className="tick-lines" aria-hidden="true">
      {axisTicks(durationNs).map((t) => (
        <span key={t.ns} className="tick-line" style={{ left: `${(t.fraction * 100).toFixed(3)}%` }} />
      ))}
    </div>
  );
}
