// Row look-ups in the worker's ascending row arrays (search matches, critical-path sections). Each drawn
// waterfall row asks on every store update, so they are binary searches, with nothing built per answer.

/** Index of the first element of ascending `sorted` that is not below `row` (`sorted.length` when none). */
export function lowerBound(sorted: ArrayLike<number>, row: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
