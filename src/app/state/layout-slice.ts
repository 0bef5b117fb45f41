// How the panels are sized: the details pane's width and the trace list's height, changed by dragging the
// splitters (or with arrow keys on them). Sizes are clamped so no panel can vanish.
import type { StateCreator } from 'zustand';
import type { Store } from './store.ts';

export interface LayoutValues {
  readonly detailsWidthPx: number;
  readonly listHeightPx: number;
}

export interface LayoutActions {
  /** `viewportPx` is the window's width, to keep room for the waterfall. */
  detailsResized(widthPx: number, viewportPx: number): void;
  listResized(heightPx: number, viewportPx: number): void;
}

export type LayoutSlice = LayoutValues & LayoutActions;

export const LAYOUT_DEFAULTS: LayoutValues = { detailsWidthPx: 460, listHeightPx: 184 };

export function clampSize(sizePx: number, minPx: number, maxPx: number): number {
  return Math.round(Math.max(minPx, Math.min(Math.max(minPx, maxPx), sizePx)));
}

export const createLayoutSlice: StateCreator<Store, [], [], LayoutSlice> = (set) => ({
  ...LAYOUT_DEFAULTS,
  detailsResized: (widthPx, viewportPx) => set({ detailsWidthPx: clampSize(widthPx, 280, viewportPx - 420) }),
  listResized: (heightPx, viewportPx) => set({ listHeightPx: clampSize(heightPx, 64, viewportPx - 240) }),
});
