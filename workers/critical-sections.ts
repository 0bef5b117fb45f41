// A trace's critical path as the page draws it: each row's sections in start order, those closer than a
// 2,000th of the trace's duration merged into one (no bar of a few hundred pixels tells them apart). A long
// trace's root owns a section between every two of its children: one trace of 1M spans sent the page
// 100,001 sections, which it drew as as many elements in the root's bar (tasks of 1.2 and 4.4 s, then a
// 4.3 s frame when scrolled); merged, it draws one.
import type { CriticalSection } from '../src/core/graph/critical-path.ts';

/** Sections of one row are at most about this many once merged (gaps of a 2,000th of the trace remain). */
export const MAX_SECTIONS_PER_ROW = 2000;

export interface PageCriticalPath {
  /** Row, start and end (ns from the trace start) of each section, sorted by row, then start. */
  readonly rows: Int32Array;
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
}

/** The typed arrays of a drawn path with its rows' self times (TraceStore.criticalPath), for comlink's transfer list. */
export function criticalPathBuffers(cp: PageCriticalPath & { readonly selfNs: Float64Array }): ArrayBuffer[] {
  return [cp.rows, cp.startNs, cp.endNs, cp.selfNs].map((a) => a.buffer as ArrayBuffer);
}

export function drawnSections(path: readonly CriticalSection[], traceDurationNs: number): PageCriticalPath {
  const sorted = [...path].sort((a, b) => a.row - b.row || a.startNs - b.startNs);
  const minGap = traceDurationNs / MAX_SECTIONS_PER_ROW;
  const rows: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const s of sorted) {
    const last = rows.length - 1;
    if (last >= 0 && rows[last] === s.row && s.startNs - ends[last]! < minGap) ends[last] = Math.max(ends[last]!, s.endNs);
    else {
      rows.push(s.row);
      starts.push(s.startNs);
      ends.push(s.endNs);
    }
  }
  return { rows: Int32Array.from(rows), startNs: Float64Array.from(starts), endNs: Float64Array.from(ends) };
}
