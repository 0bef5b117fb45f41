// A big load's first look (workers/load-preview.ts), shown while the worker still decodes it.
import type { SpanRef } from '../../core/model/details.ts';
import type { LoadPreview, PageColumns } from '../../../workers/trace-store.ts';
import type { Generations } from '../generation.ts';
import type { Store } from './store.ts';
import { rowsOfSpanIds, spanIdAt } from '../span-ids.ts';

/**
 * Returns what shows the worker's first look at a big load while it decodes: the spans read so far and the
 * earliest of their traces. The worker answers from the first look meanwhile (details, other traces, search,
 * folds), not findings, exports or the score, which wait for the loaded data; the load's end replaces it all.
 */
export function previewFlow(get: () => Store, gens: Generations): (preview: LoadPreview) => void {
  return (preview) => {
    // With two loads under way a first look at one would hide the other's data.
    if (get().numLoadsActive !== 1) return;
    gens.take('waterfall');
    gens.take('rows');
    gens.take('details');
    gens.take('search');
    gens.take('query');
    get().findingsRequested(true); // they come with the loaded data
    // A search's matches and a query's answer were about the data shown before: the loaded data is searched
    // and queried again when the load is done (their texts stay).
    get().searchAnswered(get().searchText, new Int32Array(0));
    get().queryOutdated();
    get().tracesReceived(preview.traces);
    get().traceOpened(preview.columns.traceId);
    get().columnsReceived(preview.columns);
    get().visibleRowsReceived(preview.rows, new Set(), new Set());
    get().previewShown(preview.numSpans, preview.traces.length);
  };
}

/**
 * What the user did to a first look's open trace, by span, so the loaded trace can keep it: the selected
 * span, the collapsed spans and the unfolded fans (each by its members' parent span and name, since row and
 * fan numbers differ once every span is read).
 */
export interface PreviewView {
  readonly traceId: string;
  readonly selectedSpanId: string | undefined;
  readonly collapsedSpanIds: readonly string[];
  readonly unfoldedFanKeys: readonly string[];
}

const fanKey = (c: PageColumns, fanIdx: number): string => {
  const fan = c.fans[fanIdx]!;
  return `${fan.parentRow < 0 ? '' : spanIdAt(c, fan.parentRow)}\u0000${fan.name}`;
};

/** The view of the first look's open trace, or undefined when no first look is shown. */
export function previewView(s: Store): PreviewView | undefined {
  const c = s.columns;
  if (s.preview === null || c === null || c.traceId !== s.traceId) return undefined;
  return {
    traceId: c.traceId,
    selectedSpanId: s.selectedRow === null ? undefined : spanIdAt(c, s.selectedRow),
    collapsedSpanIds: [...s.collapsed].map((row) => spanIdAt(c, row)),
    unfoldedFanKeys: [...s.expandedFans].map((fanIdx) => fanKey(c, fanIdx)),
  };
}

/** The view's folds and selection in the rows of the same trace once loaded (-1: the span is not there). */
export function viewInRows(view: PreviewView, c: PageColumns): { collapsed: Set<number>; expandedFans: Set<number>; selectedRow: number } {
  const rowOf = rowsOfSpanIds(c, view.selectedSpanId === undefined ? view.collapsedSpanIds : [...view.collapsedSpanIds, view.selectedSpanId]);
  const keys = new Set(view.unfoldedFanKeys);
  const expandedFans = new Set<number>();
  if (keys.size > 0) c.fans.forEach((_, fanIdx) => void (keys.has(fanKey(c, fanIdx)) && expandedFans.add(fanIdx)));
  const collapsed = new Set(view.collapsedSpanIds.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : [])));
  return { collapsed, expandedFans, selectedRow: view.selectedSpanId === undefined ? -1 : (rowOf.get(view.selectedSpanId) ?? -1) };
}

/** Folds and selects in the loaded trace what the user folded and selected in its first look. */
export async function keepPreviewView(
  view: PreviewView,
  columns: PageColumns,
  flows: {
    refreshRows(traceId: string, collapsed: ReadonlySet<number>, all: boolean, expandedFans: ReadonlySet<number>): Promise<void>;
    jumpTo(ref: SpanRef): Promise<void>;
  },
): Promise<void> {
  const { collapsed, expandedFans, selectedRow } = viewInRows(view, columns);
  if (collapsed.size > 0 || expandedFans.size > 0) await flows.refreshRows(view.traceId, collapsed, false, expandedFans);
  if (selectedRow >= 0) await flows.jumpTo({ traceId: view.traceId, row: selectedRow });
}
