// The rows a waterfall shows for a collapse state: collapsed rows ('all': every parent), "show matches
// only" (`onlyRows` and their ancestors), and fans of similar siblings folded into their head row unless
// expanded ('all': none folded). Shared by the worker's answers and its first look at a load (load-preview).
import type { TraceModel } from './assemble.ts';
import { foldedFanRows, type Fans } from './fans.ts';
import { deriveRows, keepWithAncestors } from './rows.ts';

/** `fans` is asked for only when some fan may be folded. */
export function visibleRowsOf(t: TraceModel, fans: () => Fans, collapsed: readonly number[] | 'all', onlyRows?: Iterable<number>, expandedFans: readonly number[] | 'all' = []): Int32Array {
  const collapseAll = collapsed === 'all';
  const set = new Set(collapseAll ? [] : collapsed);
  const keep = onlyRows ? { keep: keepWithAncestors(t, onlyRows) } : {};
  if (expandedFans === 'all') return deriveRows(t, { collapsed: set, collapseAll, ...keep });
  const { hidden, foldedHeads } = foldedFanRows(t, fans(), new Set(expandedFans));
  if (!collapseAll) for (const head of foldedHeads) set.add(head);
  return deriveRows(t, { collapsed: set, collapseAll, hidden, ...keep });
}
