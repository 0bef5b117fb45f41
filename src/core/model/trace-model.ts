// The per-trace tree that assemble (assemble.ts) builds: typed arrays indexed by row, rows in pre-order.
import type { UnixNanos } from './time.ts';

export const RowFlag = {
  /** No parent in this trace: a true root, or one of the marked cases below. */
  ROOT: 1 << 0,
  /** parent_span_id is set but no span with that id is loaded ("parent not in this data"). */
  ORPHAN: 1 << 1,
  /** The parent link was cut to end a cycle (self-parent or a loop of ancestors). */
  CYCLE: 1 << 2,
  /** Another span of this trace has the same span id. */
  DUPLICATE_ID: 1 << 3,
  ERROR: 1 << 4,
  NOT_ENDED: 1 << 5,
  HAS_LINKS: 1 << 6,
  HAS_CHILDREN: 1 << 7,
  SELF_PARENT: 1 << 8,
} as const;

export interface TraceModel {
  readonly traceId: string;
  readonly numRows: number;
  /** row → index into Dataset.spans. Rows are in pre-order, siblings by start time. */
  readonly spanIdx: Int32Array;
  /** row → parent row, -1 for roots. */
  readonly parentRow: Int32Array;
  readonly depth: Int32Array;
  /** row → first row after its subtree: collapsing a row is "skip to subtreeEnd". */
  readonly subtreeEnd: Int32Array;
  /** row → RowFlag bits. */
  readonly flags: Uint32Array;
  readonly rootRows: Int32Array;
  /**
   * Spans identical to a kept one (same ids, parent, name and times: the same span exported twice, or the
   * same file loaded twice). They are not given rows; `copies[row]` counts the extra copies of each row.
   */
  readonly exactDuplicates: Int32Array;
  readonly copies: Uint16Array;
  /** Earliest start and latest end over the trace's spans (0n when no span has a time). */
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
}
