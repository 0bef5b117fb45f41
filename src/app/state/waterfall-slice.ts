// The open trace's waterfall: its numeric columns (transferred typed arrays), the rows the worker says are
// visible for the current collapse state, and a request to scroll a row into view.
import type { StateCreator } from 'zustand';
import type { PageCriticalPath } from '../../../workers/critical-sections.ts';
import type { PageColumns } from '../../../workers/trace-store.ts';
import { lowerBound } from './sorted-rows.ts';
import type { Store } from './store.ts';

export interface ScrollRequest {
  readonly row: number;
  /** Bumped per request, so asking twice for the same row scrolls twice. */
  readonly seq: number;
}

export interface WaterfallValues {
  readonly columns: PageColumns | null;
  readonly visibleRows: Int32Array;
  /** Rows whose subtrees are hidden. */
  readonly collapsed: ReadonlySet<number>;
  /** Fans (columns.fans indexes) shown member by member; every other fan is folded into one row. */
  readonly expandedFans: ReadonlySet<number>;
  readonly scrollRequest: ScrollRequest | null;
  /** The open trace's critical path and self times, when shown. */
  readonly criticalPath: CriticalPathData | null;
  /** The trace whose critical path was asked for and has not come yet (a long trace's takes a while). */
  readonly criticalPathPending: string | null;
  /** What the main panel shows. */
  readonly view: MainView;
}

export type MainView = 'waterfall' | 'tree' | 'services' | 'links' | 'stats' | 'compare';

export interface CriticalPathData extends PageCriticalPath {
  readonly traceId: string;
  readonly selfNs: Float64Array;
}

/**
 * The worker's answer as the store keeps it: its sections stay in the transferred columns, sorted by row, and
 * each drawn row finds its own by binary search (criticalSectionsOf). A Map of a 1M-span trace's ~100k rows
 * built here took one 96 ms task on the page.
 */
export function criticalPathData(traceId: string, cp: PageCriticalPath & { readonly selfNs: Float64Array }): CriticalPathData {
  return { traceId, rows: cp.rows, startNs: cp.startNs, endNs: cp.endNs, selfNs: cp.selfNs };
}

/** The row's critical sections as [startNs, endNs] pairs from the trace start; empty when it has none. */
export function criticalSectionsOf(cp: PageCriticalPath, row: number): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let i = lowerBound(cp.rows, row); i < cp.rows.length && cp.rows[i] === row; i++) out.push([cp.startNs[i]!, cp.endNs[i]!]);
  return out;
}

/**
 * Whether the critical path runs through a fan: through one of its members or anything under one. A folded
 * fan is drawn as one row, at its head, and would otherwise show nothing of a path through the loop it
 * stands for (a sequential loop of SELECTs is often the path itself). Members are the fan's siblings of
 * its parent (`fanOf`), each with its subtree `[row, subtreeEnd[row])`; a binary search per member.
 */
export function isFanOnPath(cp: PageCriticalPath, columns: Pick<PageColumns, 'fanOf' | 'subtreeEnd'>, fan: Pick<PageColumns['fans'][number], 'headRow' | 'parentRow'>, fanIdx: number): boolean {
  const { fanOf, subtreeEnd } = columns;
  const end = fan.parentRow >= 0 ? subtreeEnd[fan.parentRow]! : subtreeEnd.length;
  for (let row = fan.headRow; row < end; row = subtreeEnd[row]!) {
    if (fanOf[row] !== fanIdx) continue;
    const i = lowerBound(cp.rows, row);
    if (i < cp.rows.length && cp.rows[i]! < subtreeEnd[row]!) return true;
  }
  return false;
}

export interface WaterfallActions {
  columnsReceived(columns: PageColumns | null): void;
  visibleRowsReceived(rows: Int32Array, collapsed: ReadonlySet<number>, expandedFans?: ReadonlySet<number>): void;
  scrollRequested(row: number): void;
  criticalPathAsked(traceId: string): void;
  /** The critical path came (or is hidden again: null); nothing is pending any more. */
  criticalPathReceived(path: CriticalPathData | null): void;
  viewChosen(view: MainView): void;
}

export type WaterfallSlice = WaterfallValues & WaterfallActions;

export const WATERFALL_DEFAULTS: WaterfallValues = {
  columns: null,
  visibleRows: new Int32Array(0),
  collapsed: new Set(),
  expandedFans: new Set(),
  scrollRequest: null,
  criticalPath: null,
  criticalPathPending: null,
  view: 'waterfall',
};

export const createWaterfallSlice: StateCreator<Store, [], [], WaterfallSlice> = (set) => ({
  ...WATERFALL_DEFAULTS,
  columnsReceived: (columns) => set({ columns, visibleRows: new Int32Array(0), collapsed: new Set(), expandedFans: new Set(), criticalPath: null, criticalPathPending: null }),
  criticalPathAsked: (criticalPathPending) => set({ criticalPathPending }),
  criticalPathReceived: (criticalPath) => set({ criticalPath, criticalPathPending: null }),
  viewChosen: (view) => set({ view }),
  visibleRowsReceived: (visibleRows, collapsed, expandedFans) => set(expandedFans ? { visibleRows, collapsed, expandedFans } : { visibleRows, collapsed }),
  scrollRequested: (row) => set((s) => ({ scrollRequest: { row, seq: (s.scrollRequest?.seq ?? 0) + 1 } })),
});
