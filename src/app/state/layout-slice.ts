// How the panels are sized: the details pane's width, the trace list's height and the waterfall's name
// column, changed by dragging the splitters (or with arrow keys on them). Sizes are clamped so no panel can
// vanish.
import type { StateCreator } from 'zustand';
import type { Store } from './store.ts';

export interface LayoutValues {
  readonly detailsWidthPx: number;
  readonly listHeightPx: number;
  /** The waterfall's name column, as a share of its width (the timeline takes the rest). */
  readonly nameColFraction: number;
}

export interface LayoutActions {
  /** `viewportPx` is the window's width, to keep room for the waterfall. */
  detailsResized(widthPx: number, viewportPx: number): void;
  listResized(heightPx: number, viewportPx: number): void;
  /** `widthPx` of a waterfall `areaPx` wide. */
  nameColResized(widthPx: number, areaPx: number): void;
}

export type LayoutSlice = LayoutValues & LayoutActions;

export const LAYOUT_DEFAULTS: LayoutValues = { detailsWidthPx: 460, listHeightPx: 184, nameColFraction: 0.42 };

/** Room the waterfall and trace list get before the details pane takes more than its narrowest default. */
const MAIN_MIN_PX = 940;

/**
 * The details pane's first width in a window `viewportPx` wide: 460 px from 1,400 px up, narrower below so
 * the trace list keeps its columns and the waterfall its names (at 1,024 px the pane took 45% of the window),
 * and never under 340 px (the details keep room for a value beside its key).
 */
export function defaultDetailsWidth(viewportPx: number): number {
  return clampSize(viewportPx - MAIN_MIN_PX, 340, LAYOUT_DEFAULTS.detailsWidthPx);
}

export function clampSize(sizePx: number, minPx: number, maxPx: number): number {
  return Math.round(Math.max(minPx, Math.min(Math.max(minPx, maxPx), sizePx)));
}

export const createLayoutSlice: StateCreator<Store, [], [], LayoutSlice> = (set) => ({
  ...LAYOUT_DEFAULTS,
  ...(typeof window === 'undefined' ? {} : { detailsWidthPx: defaultDetailsWidth(window.innerWidth) }),
  detailsResized: (widthPx, viewportPx) => set({ detailsWidthPx: clampSize(widthPx, 280, viewportPx - 420) }),
  listResized: (heightPx, viewportPx) => set({ listHeightPx: clampSize(heightPx, 64, viewportPx - 240) }),
  // At least 120 px of names and 120 px of timeline; nothing before the area's width is known (0).
  nameColResized: (widthPx, areaPx) => {
    if (areaPx > 0) set({ nameColFraction: clampSize(widthPx, 120, areaPx - 120) / areaPx });
  },
});
