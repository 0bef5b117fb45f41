// What the Compare view offers as trace B, and which spans make up side A. Trace A is the open trace. A
// trace id loaded from several inputs is one merged trace in the model; each input's copy is offered too,
// and comparing the open trace with one of its own copies compares input against input: side A is then the
// open trace's copy from the first other input (comparing a merged trace with a part of itself says little).
import type { CompareSide, TraceCopies } from '../core/compare/side.ts';
import type { TraceListSummary } from '../core/model/summary.ts';
import { formatCompare } from './url-state.ts';

export interface CompareChoice {
  /** The `compare=` URL value: `<traceId>` or `<traceId>@<inputIdx>`. */
  readonly value: string;
  readonly label: string;
  readonly side: CompareSide;
}

export function compareChoices(
  traces: readonly TraceListSummary[],
  copies: readonly TraceCopies[],
  inputFiles: readonly string[],
  openTraceId: string | null,
): CompareChoice[] {
  const copiesOf = new Map(copies.map((c) => [c.traceId, c.inputIdxs] as const));
  const out: CompareChoice[] = [];
  for (const t of traces) {
    const base = `${operationPrefix(t)}${t.traceId.slice(0, 8)}`;
    if (t.traceId !== openTraceId) out.push({ value: t.traceId, label: base, side: { traceId: t.traceId } });
    for (const inputIdx of copiesOf.get(t.traceId) ?? []) {
      const side = { traceId: t.traceId, inputIdx };
      out.push({ value: formatCompare(side), label: `${base} from ${inputFiles[inputIdx] ?? `input ${inputIdx}`}`, side });
    }
  }
  return out;
}

/**
 * Choices the picker draws at most: with 10,000 traces loaded, a <select> of every one cost the page a
 * 293 ms task to draw (1M spans, headless Chromium), and no one scrolls through that many anyway.
 */
export const MAX_OFFERED = 200;

/** What a trace's choice labels start with: its root's service and name (compareChoices' label). */
export const operationPrefix = (t: Pick<TraceListSummary, 'rootService' | 'rootName'>): string => `${t.rootService}: ${t.rootName} · `;

/**
 * The choices the picker shows: those matching `filter` (in the label's service, name or trace id, or the
 * value, any case), the traces of the open trace's own operation (`sameOperation`, an operationPrefix) first
 * as the likeliest to compare, at most `limit`; `numMatching` counts every match.
 */
export function offeredChoices(choices: readonly CompareChoice[], filter: string, sameOperation: string | null, limit = MAX_OFFERED): { shown: CompareChoice[]; numMatching: number } {
  const needle = filter.trim().toLowerCase();
  const matching = needle === '' ? choices : choices.filter((c) => c.label.toLowerCase().includes(needle) || c.value.includes(needle));
  const isSame = (c: CompareChoice): boolean => sameOperation !== null && c.label.startsWith(sameOperation);
  const shown = matching.filter(isSame).slice(0, limit);
  for (const c of matching) {
    if (shown.length >= limit) break;
    if (!isSame(c)) shown.push(c);
  }
  return { shown, numMatching: matching.length };
}

/** Side A for comparing the open trace with `b`; null when the open trace has no other copy to set against b. */
export function sideA(openTraceId: string, b: CompareSide, copies: readonly TraceCopies[]): CompareSide | null {
  if (b.traceId !== openTraceId || b.inputIdx === undefined) return { traceId: openTraceId };
  const other = copies.find((c) => c.traceId === openTraceId)?.inputIdxs.find((i) => i !== b.inputIdx);
  return other === undefined ? null : { traceId: openTraceId, inputIdx: other };
}
