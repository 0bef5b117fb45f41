// Two traces (or two inputs' copies of one trace) aligned span by span: a diff tree of what was added,
// removed, got slower or faster, with totals. Plain structured-cloneable data for the worker boundary.
import type { Dataset } from '../model/assemble.ts';
import { waterfallColumns } from '../model/waterfall.ts';
import { selfTimes } from '../graph/critical-path.ts';
import { childLists, mergeSiblings, PathTable, pathIds } from './align.ts';
import { sideModel, type CompareSide } from './side.ts';

export type DiffStatus = 'same' | 'added' | 'removed' | 'changed';

export interface DiffNode {
  /** Equal on both sides for matched spans: the interned path (service+name chain from the root). */
  readonly pathId: number;
  /** The last step of the path: "service: name", "#k" for the k-th repeated sibling. */
  readonly segment: string;
  /** Index of the parent node in `nodes`, -1 for roots. */
  readonly parentNode: number;
  readonly service: string;
  readonly name: string;
  readonly depth: number;
  readonly status: DiffStatus;
  /** Rows in each side's own model (absent on the side the span is missing from). */
  readonly rowA?: number;
  readonly rowB?: number;
  readonly spanIdA?: string;
  readonly spanIdB?: string;
  /** Start relative to its own trace's start, duration and self time, ns. */
  readonly startA?: number;
  readonly startB?: number;
  readonly durA?: number;
  readonly durB?: number;
  readonly selfA?: number;
  readonly selfB?: number;
  /** durB - durA; for added/removed spans, the whole duration with its sign (+B, -A). */
  readonly deltaNs: number;
  /** deltaNs / durA × 100; null when there is no A duration to compare with. */
  readonly deltaPct: number | null;
}

export interface DiffTotals {
  readonly numSpansA: number;
  readonly numSpansB: number;
  readonly numAdded: number;
  readonly numRemoved: number;
  readonly numChanged: number;
  readonly numSame: number;
  readonly durationA: number;
  readonly durationB: number;
}

export interface TraceDiff {
  readonly a: CompareSide;
  readonly b: CompareSide;
  readonly nodes: readonly DiffNode[];
  readonly totals: DiffTotals;
}

export interface DiffOptions {
  /** A matched span counts as changed only when |Δ| exceeds both of these (timing noise is not a change). */
  readonly minDeltaNs: number;
  readonly minDeltaPct: number;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { minDeltaNs: 100_000, minDeltaPct: 5 };

export type CompareResult = { readonly ok: true; readonly diff: TraceDiff } | { readonly ok: false; readonly message: string };

function describe(side: CompareSide): string {
  return side.inputIdx === undefined ? side.traceId : `${side.traceId} from input ${side.inputIdx}`;
}

export function compareTraces(ds: Dataset, a: CompareSide, b: CompareSide, options: DiffOptions = DEFAULT_DIFF_OPTIONS): CompareResult {
  const ma = sideModel(ds, a);
  const mb = sideModel(ds, b);
  if (!ma || !mb) return { ok: false, message: `trace ${describe(ma ? b : a)} is not loaded` };
  const table = new PathTable();
  const sides = [ma, mb].map(({ ds: d, trace }) => {
    const cols = waterfallColumns(d, trace);
    return { d, trace, cols, self: selfTimes(trace, cols.startNs, cols.durNs), path: pathIds(d, trace, table), children: childLists(trace) };
  });
  const [A, B] = sides as [(typeof sides)[0], (typeof sides)[0]];

  const nodes: DiffNode[] = [];
  const counts = { added: 0, removed: 0, changed: 0, same: 0 };
  // Depth-first over the merged tree with an explicit stack (a 100k-deep chain must not overflow).
  const stack: Array<{ rowA: number; rowB: number; parentNode: number; depth: number }> = [];
  const pushChildren = (kidsA: readonly number[], kidsB: readonly number[], parentNode: number, depth: number): void => {
    const pairs = mergeSiblings(kidsA, A.path, kidsB, B.path);
    for (let i = pairs.length - 1; i >= 0; i--) stack.push({ rowA: pairs[i]![0], rowB: pairs[i]![1], parentNode, depth });
  };
  pushChildren(A.children[A.trace.numRows]!, B.children[B.trace.numRows]!, -1, 0);
  while (stack.length > 0) {
    const { rowA, rowB, parentNode, depth } = stack.pop()!;
    const hasA = rowA >= 0;
    const hasB = rowB >= 0;
    const side = hasA ? A : B;
    const row = hasA ? rowA : rowB;
    const durA = hasA ? A.cols.durNs[rowA]! : undefined;
    const durB = hasB ? B.cols.durNs[rowB]! : undefined;
    const deltaNs = (durB ?? 0) - (durA ?? 0);
    const deltaPct = durA !== undefined && durA > 0 && durB !== undefined ? (deltaNs / durA) * 100 : null;
    const status: DiffStatus = !hasA ? 'added' : !hasB ? 'removed' : Math.abs(deltaNs) > options.minDeltaNs && deltaPct !== null && Math.abs(deltaPct) > options.minDeltaPct ? 'changed' : 'same';
    counts[status]++;
    const nodeIdx = nodes.length;
    nodes.push({
      pathId: side.path[row]!,
      segment: table.segments[side.path[row]!]!,
      parentNode,
      service: side.cols.services[side.cols.service[row]!] ?? '',
      name: side.cols.names[side.cols.nameIdx[row]!] ?? '',
      depth,
      status,
      ...(hasA ? { rowA, spanIdA: A.cols.spanIds[rowA]!, startA: A.cols.startNs[rowA]!, durA, selfA: A.self[rowA]! } : {}),
      ...(hasB ? { rowB, spanIdB: B.cols.spanIds[rowB]!, startB: B.cols.startNs[rowB]!, durB, selfB: B.self[rowB]! } : {}),
      deltaNs,
      deltaPct,
    });
    pushChildren(hasA ? A.children[rowA]! : [], hasB ? B.children[rowB]! : [], nodeIdx, depth + 1);
  }
  return {
    ok: true,
    diff: {
      a,
      b,
      nodes,
      totals: {
        numSpansA: A.trace.numRows,
        numSpansB: B.trace.numRows,
        numAdded: counts.added,
        numRemoved: counts.removed,
        numChanged: counts.changed,
        numSame: counts.same,
        durationA: A.cols.traceDurationNs,
        durationB: B.cols.traceDurationNs,
      },
    },
  };
}
