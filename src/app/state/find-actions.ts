// The flows of finding things: in-trace search (next/previous, matches only), TraceQL over everything
// loaded, and reopening what a link's hash names. Split from actions.ts, which hands in what they share.
import type { Generations } from '../generation.ts';
import { sortTraces } from '../trace-sort.ts';
import type { HashLocation } from '../url-state.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { SpanRef } from '../../core/model/details.ts';
import type { TraceQLResult } from '../../core/query/traceql/evaluate.ts';
import type { Store } from './store.ts';

export interface FindDeps {
  readonly worker: TraceWorker;
  readonly get: () => Store;
  readonly gens: Generations;
  openTrace(traceId: string): Promise<void>;
  jumpTo(ref: SpanRef): Promise<void>;
  refreshRows(traceId: string, collapsed: ReadonlySet<number>): Promise<void>;
}

export function createFindFlows({ worker, get, gens, openTrace, jumpTo, refreshRows }: FindDeps) {
  async function search(text: string): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    const ticket = gens.take('search');
    const matches = await worker.search(traceId, text);
    if (!ticket() || get().traceId !== traceId) return;
    get().searchAnswered(text, matches);
    if (get().matchesOnly) await refreshRows(traceId, get().collapsed);
  }

  async function nextMatch(delta: 1 | -1): Promise<void> {
    const { matches, matchIdx, traceId } = get();
    if (matches.length === 0 || traceId === null) return;
    const next = matchIdx < 0 ? (delta > 0 ? 0 : matches.length - 1) : (matchIdx + delta + matches.length) % matches.length;
    get().matchChosen(next);
    await jumpTo({ traceId, row: matches[next]! });
  }

  async function showMatchesOnly(on: boolean): Promise<void> {
    get().matchesOnlySet(on);
    const traceId = get().traceId;
    if (traceId !== null) await refreshRows(traceId, get().collapsed);
  }

  async function filterToName(name: string): Promise<void> {
    get().searchOpened(true);
    get().viewChosen('waterfall');
    get().matchesOnlySet(true);
    await search(name);
  }

  /** Asks the worker and keeps the answer, unless a newer query or load made it stale (then null). */
  async function answer(query: string): Promise<TraceQLResult | null> {
    const ticket = gens.take('query');
    const result = await worker.traceql(query);
    if (!ticket()) return null;
    get().queryAnswered(query, result);
    return result;
  }

  async function runQuery(text: string): Promise<void> {
    const query = text.trim();
    if (query === '') {
      get().queryCleared();
      return;
    }
    const result = await answer(query);
    if (!result?.ok || result.traces.length === 0) return;
    const open = get().traceId;
    if (open === null || !result.traces.some((t) => t.traceId === open)) {
      const matching = new Set(result.traces.map((t) => t.traceId));
      const first = sortTraces(get().traces, get().sortKey, get().sortDescending).find((t) => matching.has(t.traceId));
      if (first) await openTrace(first.traceId);
    }
  }

  async function restoreLocation(location: HashLocation): Promise<void> {
    if (location.query) await runQuery(location.query);
    const ref = location.spanId ? await worker.findSpan(location.spanId, location.traceId) : null;
    if (ref) await jumpTo(ref);
    else if (get().traces.some((t) => t.traceId === location.traceId)) await openTrace(location.traceId);
    if (location.find) {
      get().searchOpened(true);
      if (location.matchesOnly) get().matchesOnlySet(true);
      await search(location.find);
      if (location.matchesOnly && get().traceId !== null) await refreshRows(get().traceId!, get().collapsed);
    }
  }

  /** After a load: a query stays active across loads, answered again for what is loaded now. */
  async function answerQueryAgain(): Promise<void> {
    if (get().queryText !== '') await answer(get().queryText);
  }

  return { search, nextMatch, showMatchesOnly, filterToName, runQuery, restoreLocation, answerQueryAgain };
}
