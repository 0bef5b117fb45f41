// The part of a scrolling element's content in view, grown by a margin, kept current on scroll (once per
// frame) and resize: what a graph view draws (cull.ts).
import { useLayoutEffect, useState } from 'react';
import type { Box } from './cull.ts';

/** Drawn beyond each edge of the view, so a short scroll shows no gap before the next frame's update. */
const MARGIN_PX = 400;

/**
 * The box in view, and what to pass as the scrolling element's `ref` (a callback: the element may appear
 * after the first render, once the data has come). The box is null until the element is measured: that
 * render draws nothing and is replaced before paint.
 */
export function useScrollBox(): [Box | null, (el: HTMLElement | null) => void] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      setBox((old) => {
        const next = { x0: el.scrollLeft - MARGIN_PX, y0: el.scrollTop - MARGIN_PX, x1: el.scrollLeft + el.clientWidth + MARGIN_PX, y1: el.scrollTop + el.clientHeight + MARGIN_PX };
        return old && old.x0 === next.x0 && old.y0 === next.y0 && old.x1 === next.x1 && old.y1 === next.y1 ? old : next;
      });
    };
    const later = (): void => void (frame ||= requestAnimationFrame(measure));
    measure();
    el.addEventListener('scroll', later, { passive: true });
    const observer = new ResizeObserver(later);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', later);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [el]);
  return [box, setEl];
}
