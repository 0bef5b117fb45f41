// The time axis over the virtualized rows, and the splitter between the rows' names and their bars: its
// position is the layout's name column share (`--name-col`, read by every waterfall grid inside). The share
// and the area's width live in the splitter alone, so a drag or a resize re-renders the splitter, not the rows.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { useStore } from '../state/store.ts';
import { Splitter } from './splitter.tsx';
import { TimeAxis } from './time-axis.tsx';
import { WaterfallBody } from './waterfall-body.tsx';

export function WaterfallArea({ columns }: { columns: PageColumns }) {
  const areaRef = useRef<HTMLDivElement>(null);
  return (
    <div className="waterfall-area" ref={areaRef}>
      <TimeAxis durationNs={columns.traceDurationNs} />
      <WaterfallBody columns={columns} />
      <NameColumnSplitter areaRef={areaRef} />
    </div>
  );
}

function NameColumnSplitter({ areaRef }: { areaRef: RefObject<HTMLDivElement | null> }) {
  const [areaPx, setAreaPx] = useState(0);
  const fraction = useStore((s) => s.nameColFraction);
  const nameColResized = useStore((s) => s.nameColResized);
  // Before paint, so the rows never show the stylesheet's default share in place of the chosen one.
  useLayoutEffect(() => areaRef.current?.style.setProperty('--name-col', `${(fraction * 100).toFixed(3)}%`), [areaRef, fraction]);
  useEffect(() => {
    const el = areaRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setAreaPx(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [areaRef]);
  return (
    <Splitter
      orientation="vertical"
      className="name-col-splitter"
      label="resize the span name column"
      sizePx={Math.round(fraction * areaPx)}
      keyGrowth={1}
      toSize={(clientX) => clientX - (areaRef.current?.getBoundingClientRect().left ?? 0)}
      onResize={(px) => nameColResized(px, areaPx)}
    />
  );
}
