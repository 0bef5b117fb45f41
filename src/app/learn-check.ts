// Whether a lesson step's "try it" is done, from what the app shows: the selected span, the collapsed rows,
// the side tab and the text typed into the traceparent… inspector. Pure, so it is unit-tested.
import type { TryIt } from '../core/learn/lessons.ts';

export interface TourView {
  /** The open trace's rows, their span names and span ids. */
  readonly numRows: number;
  readonly names: (row: number) => string;
  readonly spanIdAt: (row: number) => string;
  readonly traceId: string;
  readonly selectedRow: number | null;
  readonly collapsed: ReadonlySet<number>;
  readonly sideTab: string;
  readonly contextText: string;
}

/** The first row of the open trace whose span has this name, or -1. */
export function rowNamed(view: Pick<TourView, 'numRows' | 'names'>, name: string): number {
  for (let row = 0; row < view.numRows; row++) if (view.names(row) === name) return row;
  return -1;
}

/** The traceparent a context try-it expects, or null when its span is not in the open trace. */
export function expectedTraceparent(tryIt: TryIt, view: Pick<TourView, 'numRows' | 'names' | 'spanIdAt' | 'traceId'>): string | null {
  if (tryIt.kind !== 'inspect-context') return null;
  const row = rowNamed(view, tryIt.span);
  // W3C Trace Context §traceparent: version-traceid-parentid-flags (core's tryItTraceparent, restated: the
  // app imports core as types only).
  return row < 0 ? null : `00-${view.traceId}-${view.spanIdAt(row)}-${tryIt.flags}`;
}

export function isTryItDone(tryIt: TryIt, view: TourView): boolean {
  switch (tryIt.kind) {
    case 'select-span':
      return view.selectedRow !== null && view.names(view.selectedRow) === tryIt.span;
    case 'collapse': {
      const row = rowNamed(view, tryIt.span);
      return row >= 0 && view.collapsed.has(row);
    }
    case 'open-findings':
      return view.sideTab === 'findings';
    case 'inspect-context': {
      const want = expectedTraceparent(tryIt, view);
      return want !== null && view.contextText.toLowerCase().includes(want);
    }
    default: {
      const never: never = tryIt;
      return never;
    }
  }
}
