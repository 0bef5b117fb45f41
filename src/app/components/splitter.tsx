// A draggable divider between panels (pointer capture, so the drag survives leaving the handle); arrow keys
// move it too. `toSize` turns the pointer position into the new size of the panel it controls.
import { useRef } from 'react';

const KEY_STEP_PX = 16;

interface Props {
  readonly orientation: 'vertical' | 'horizontal';
  readonly label: string;
  readonly sizePx: number;
  readonly toSize: (clientX: number, clientY: number) => number;
  /** Keys grow the panel in this direction: +1 when ArrowRight/ArrowDown grows it, -1 when it shrinks it. */
  readonly keyGrowth: 1 | -1;
  readonly onResize: (sizePx: number) => void;
  /** Placement beyond the page's grid (the waterfall's name column). */
  readonly className?: string;
}

export function Splitter({ orientation, label, sizePx, toSize, keyGrowth, onResize, className }: Props) {
  const isDragging = useRef(false);
  const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  return (
    <div
      className={`splitter ${orientation}${className ? ` ${className}` : ''}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={sizePx}
      tabIndex={0}
      onPointerDown={(e) => {
        isDragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (isDragging.current) onResize(toSize(e.clientX, e.clientY));
      }}
      onPointerUp={(e) => {
        isDragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onKeyDown={(e) => {
        const direction = e.key === more ? 1 : e.key === less ? -1 : 0;
        if (direction === 0) return;
        e.preventDefault();
        onResize(sizePx + direction * keyGrowth * KEY_STEP_PX);
      }}
    />
  );
}
