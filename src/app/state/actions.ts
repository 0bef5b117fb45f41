// Every flow that touches several slices or the worker. Components call these; slices never reach into each
// other. Each worker answer is checked against its generation ticket and dropped when stale.
import type { Finding } from '../../core/lint/types.ts';
import type { SpanRef } from '../../core/model/details.ts';
import type { ContextInspection } from '../../core/propagation/inspect.ts';
import type { Lesson } from '../../core/learn/lessons.ts';
import type { ServiceGraph } from '../../core/graph/service-graph.ts';
import type { StatRow } from '../../core/stats/span-stats.ts';
import type { LintOptions } from '../../core/lint/config.ts';
import type { InstrumentationScore } from '../../core/score/instrumentation-score.ts';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import { criticalPathData, type MainView } from './waterfall-slice.ts';
import type { CompareResult } from '../../core/compare/diff.ts';
import type { CompareSide, TraceCopies } from '../../core/compare/side.ts';
import type { BackendSettings } from '../../../workers/backend.ts';
import type { ExportKind, FetchTraceResult, LoadFile, LoadProgress } from '../../../workers/trace-store.ts';
import { Generations } from '../generation.ts';
import { traceListOf } from '../trace-list.ts';
import { sortTraces } from '../trace-sort.ts';
import { ancestorRows, rowsWithChildren } from '../tree-walk.ts';
import { keyMove } from '../waterfall-keys.ts';
import { createFindFlows } from './find-actions.ts';
import { createFindingsFlows } from './findings-actions.ts';
import { keepPreviewView, previewFlow, previewView } from './preview-actions.ts';
import { exportFlow } from './export-actions.ts';
import { detailsFlows, type DetailList } from './details-actions.ts';
import { urlLoadFlow } from './url-loads.ts';
import { traceViewFlows } from './trace-view.ts';
import type { HashLocation } from '../url-state.ts';
import { proxyCallback, transferFiles, type TraceWorker } from '../worker-client.ts';
import type { DataSource } from './ingest-slice.ts';
import type { StoreHook } from './store.ts';

export interface Actions {
  /** Loads inputs together (they merge). The user's first own input replaces the demo. */
  loadFiles(files: LoadFile[], source: Exclude<DataSource, 'none'>): Promise<void>;
  /** Stops the loads under way at their next chunk; what a streamed file decoded so far is kept. */
  cancelLoad(): Promise<void>;
  /** Fetches every URL, then loads what arrived together; a failed fetch is reported per URL. */
  loadUrls(urls: readonly string[], source: Exclude<DataSource, 'none'>): Promise<void>;
  openTrace(traceId: string): Promise<void>;
  selectRow(row: number): Promise<void>;
  /** Asks for `more` further attributes, events or links of the selected span (its details hold the first ones). */
  moreDetails(list: DetailList, more: number): Promise<void>;
  toggleRow(row: number): Promise<void>;
  toggleFan(fanIdx: number): Promise<void>;
  collapseAll(): Promise<void>;
  expandAll(): Promise<void>;
  /** Opens the span's trace if needed, uncollapses its ancestors, selects it and scrolls to it. */
  jumpTo(ref: SpanRef): Promise<void>;
  clearAll(): Promise<void>;
  /** A key pressed in the waterfall; returns whether it meant something (see waterfall-keys.ts). */
  waterfallKey(key: string): boolean;
  /** Decodes a pasted traceparent/tracestate/baggage/B3 and finds its trace in the loaded data. */
  inspectContext(text: string): Promise<ContextInspection>;
  /** Fetches one trace by id from a Tempo or Jaeger backend, loads it beside the rest and opens it. */
  fetchFromBackend(settings: BackendSettings, traceId: string): Promise<{ ok: boolean; message: string }>;
  /** Exports the open trace (or everything) as a file the browser downloads. */
  exportData(kind: ExportKind, scope: 'trace' | 'all'): Promise<void>;
  /** Statistics per service and span name, for a trace or (no id) everything loaded. */
  stats(traceId?: string): Promise<StatRow[]>;
  /** Shows only the spans of one name in the waterfall (the stats table's click). */
  filterToName(name: string): Promise<void>;
  /** Runs a TraceQL query over everything loaded ('' clears it); opens the first matching trace if the open one has no match. */
  runQuery(text: string): Promise<void>;
  /** The service graph of everything loaded. */
  serviceGraph(): Promise<ServiceGraph>;
  /** The span links of a trace, both directions. */
  traceLinks(traceId: string): Promise<TraceLink[]>;
  /** Switches the main panel between the waterfall, the service graph and the trace's links. */
  setView(view: MainView): void;
  /** Shows (or hides) the open trace's critical path in the waterfall. */
  toggleCriticalPath(): Promise<void>;
  /** Searches the open trace (names, services, ids, attribute keys and values). */
  search(text: string): Promise<void>;
  /** Moves to the next (+1) or previous (-1) match: uncollapses, scrolls to and selects it. */
  nextMatch(delta: 1 | -1): Promise<void>;
  /** Shows only the matches and their ancestors, or everything again. */
  showMatchesOnly(on: boolean): Promise<void>;
  /** Reopens what the URL hash names, when loaded: the query, then the trace (and span), the search filter and comparison. */
  restoreLocation(location: HashLocation): Promise<void>;
  /** Shows the Compare view with trace B (null: no B chosen yet). */
  chooseCompare(target: CompareSide | null): void;
  /** Two traces (or two inputs' copies of one) aligned span by span. */
  compare(a: CompareSide, b: CompareSide): Promise<CompareResult>;
  /** Traces loaded from several inputs, and which. */
  traceCopies(): Promise<TraceCopies[]>;
  /** Learn mode's lessons, from the worker. */
  lessons(): Promise<readonly Lesson[]>;
  /** The first `max` findings of one span, and how many it has (the store holds only the first few hundred of each rule). */
  firstSpanFindings(traceId: string, spanId: string, max: number): Promise<{ findings: Finding[]; total: number }>;
  /** Rule id → the number of the lesson explaining it, for every rule. */
  lessonOfRule(): Promise<Array<[string, number]>>;
  /** Re-lints everything loaded with new lint settings (kept in the store and so in the URL). */
  setLintOptions(options: LintOptions): Promise<void>;
  /** The Instrumentation Score of everything loaded, per service and overall. */
  firstServiceScores(maxServices: number): Promise<InstrumentationScore & { readonly numServices: number }>;
}

export function createActions(worker: TraceWorker, store: StoreHook): Actions {
  const gens = new Generations();
  const get = store.getState;
  // Declarations below are hoisted, so the find flows can use them.
  const find = createFindFlows({ worker, get, gens, openTrace, jumpTo, refreshRows });
  const { findingsWithProgress, refreshFindingRows, setLintOptions } = createFindingsFlows({ worker, get, gens });
  const showPreview = previewFlow(get, gens);
  const exportData = exportFlow(worker, get);
  const loadUrls = urlLoadFlow(get, loadFiles);
  const { selectRow, moreDetails } = detailsFlows(worker, get, gens);
  const { traceView } = traceViewFlows(worker, get, gens);

  async function refreshRows(traceId: string, collapsed: ReadonlySet<number>, all = false, expandedFans = get().expandedFans): Promise<void> {
    const ticket = gens.take('rows');
    const { matchesOnly, matches, searchText } = get();
    // The matches as they came (an Int32Array clones as one block; spread into an array, 666k of them cost
    // the page a 95-118 ms task).
    const only = matchesOnly && searchText !== '' ? matches : undefined;
    const rows = await worker.visibleRows(traceId, all ? 'all' : [...collapsed], only, [...expandedFans]);
    if (ticket() && get().traceId === traceId) get().visibleRowsReceived(rows, collapsed, expandedFans);
  }

  /** Unfolds a folded fan of similar siblings into its members, or folds it back. */
  async function toggleFan(fanIdx: number): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    const expanded = new Set(get().expandedFans);
    if (!expanded.delete(fanIdx)) expanded.add(fanIdx);
    await refreshRows(traceId, get().collapsed, false, expanded);
  }

  async function openTrace(traceId: string): Promise<void> {
    const asked = traceView(traceId);
    get().traceOpened(traceId);
    const view = await asked;
    if (!view.isCurrent()) return;
    view.show();
    // Badges after the rows: the first lint of a load takes longer than drawing the trace.
    void refreshFindingRows(traceId);
  }

  /**
   * Runs one load in the worker (files, or a backend fetch), then refreshes inputs and traces and opens
   * `preferTraceId`, or the trace already open, or the first one. Returns the worker's answer.
   */
  async function runLoad<T>(source: Exclude<DataSource, 'none'>, failedFile: string, work: () => Promise<T>, preferTraceId?: string): Promise<T | null> {
    const replaceDemo = source === 'user' && get().source === 'demo';
    get().loadStarted(source);
    try {
      if (replaceDemo) {
        await worker.clear();
        gens.cleared();
      }
      const notCleared = gens.sinceClear();
      const answer = await work();
      // Cleared while it ran: the worker stopped it and dropped what it read, so there is nothing to show.
      if (!notCleared()) {
        get().loadSuperseded();
        return answer;
      }
      const keepOpen = get().preview !== null; // a first look put a trace of this load on screen: keep it
      const keptView = previewView(get());
      gens.dataChanged();
      const ticket = gens.take('traces');
      const [inputs, traceList] = await Promise.all([worker.inputs(), worker.traces()]);
      const traces = traceListOf(traceList);
      // Taking in 10k traces' summaries is a task of its own (~40 ms at 1M spans): the page's update gets another.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const newSource = get().source === 'user' || source === 'user' ? 'user' : 'demo';
      const numSpans = traces.reduce((n, t) => n + t.numSpans, 0);
      // Choose the trace to open now, before linting: a trace the user opens while the findings are being
      // computed must not be replaced when they arrive.
      const current = get().traceId;
      const stillThere = (!replaceDemo || keepOpen) && current !== null && traces.some((t) => t.traceId === current);
      const first = sortTraces(traces, get().sortKey, get().sortDescending)[0];
      const preferred = preferTraceId !== undefined && traces.some((t) => t.traceId === preferTraceId) ? preferTraceId : undefined;
      // Reopen the current trace too: new inputs may have added spans to it.
      const next = preferred ?? (stillThere ? current : (first?.traceId ?? null));
      // The trace is drawn before the findings are computed (the worker answers in order, and linting a
      // big load takes longer than decoding it), and with the new trace list: one update, so the page lays
      // out and paints once rather than once for the list and again for the trace.
      const view = await traceView(next);
      // A newer load's list (or a clear) came meanwhile.
      if (!ticket()) {
        get().loadSuperseded();
        return answer;
      }
      // Findings of the data shown before must not stand for this load's: the demo's go with the demo.
      get().findingsRequested(replaceDemo);
      get().loadFinished({ inputs, numSpans, numTraces: traces.length, source: newSource });
      get().tracesReceived(traces);
      // A trace the user opened meanwhile (from the first look) stays open.
      if (view.isCurrent()) {
        get().traceOpened(next);
        view.show();
      }
      // A query stays active across loads: answer it again for what is loaded now.
      await find.answerQueryAgain();
      if (keptView && next === keptView.traceId && get().columns?.traceId === next) await keepPreviewView(keptView, get().columns!, { refreshRows, jumpTo });
      const lintTicket = gens.take('lint');
      const lint = await findingsWithProgress(get().lintOptions);
      if (ticket() && lintTicket()) {
        get().findingsReceived(lint.findings, lint.rules, lint.summary);
        get().lintAnswered(lint.errors, lint.thresholds);
        const open = get().traceId;
        if (open !== null) void refreshFindingRows(open);
      }
      return answer;
    } catch (err) {
      get().findingsAbandoned();
      get().loadFailed({ file: failedFile, where: 'worker', message: `the worker failed: ${String(err)}` });
      return null;
    }
  }

  async function loadFiles(files: LoadFile[], source: Exclude<DataSource, 'none'>): Promise<void> {
    const onProgress = proxyCallback((p: LoadProgress) => get().loadProgressed(p));
    await runLoad(source, files.map((f) => f.name).join(', '), () => worker.load(transferFiles(files), onProgress, proxyCallback(showPreview)));
  }

  async function fetchFromBackend(settings: BackendSettings, traceId: string): Promise<{ ok: boolean; message: string }> {
    const id = traceId.trim().toLowerCase();
    const answer = await runLoad<FetchTraceResult>('user', settings.baseUrl, () => worker.fetchTrace(settings, id), id);
    if (!answer) return { ok: false, message: 'the worker failed' };
    if (!answer.ok) {
      get().loadFailed({ file: answer.url, where: 'backend', message: answer.message });
      return { ok: false, message: answer.message };
    }
    return { ok: true, message: `Loaded ${answer.outcome.numSpans.toLocaleString('en-US')} spans from ${answer.url}` };
  }

  async function jumpTo(ref: SpanRef): Promise<void> {
    if (get().traceId !== ref.traceId || get().columns?.traceId !== ref.traceId) await openTrace(ref.traceId);
    const columns = get().columns;
    if (!columns || columns.traceId !== ref.traceId) return;
    const collapsed = new Set(get().collapsed);
    const expandedFans = new Set(get().expandedFans);
    let changed = false;
    for (const a of ancestorRows(columns.depth, ref.row)) changed = collapsed.delete(a) || changed;
    // A span inside a folded fan (or under one) is shown by unfolding that fan.
    for (const r of [ref.row, ...ancestorRows(columns.depth, ref.row)]) {
      const fan = columns.fanOf[r]!;
      if (fan >= 0 && !expandedFans.has(fan) && (columns.fans[fan]!.headRow !== r || r !== ref.row)) {
        expandedFans.add(fan);
        changed = true;
      }
    }
    if (changed) await refreshRows(ref.traceId, collapsed, false, expandedFans);
    get().scrollRequested(ref.row);
    await selectRow(ref.row);
  }

  async function toggleRow(row: number): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    const collapsed = new Set(get().collapsed);
    if (!collapsed.delete(row)) collapsed.add(row);
    await refreshRows(traceId, collapsed);
  }

  function waterfallKey(key: string): boolean {
    const { columns, visibleRows, collapsed, selectedRow } = get();
    if (!columns) return false;
    const fans = { fanOf: columns.fanOf, fanHeads: columns.fans.map((f) => f.headRow), expandedFans: get().expandedFans };
    const move = keyMove(key, { visibleRows, depth: columns.depth, subtreeEnd: columns.subtreeEnd, collapsed, selectedRow, ...fans });
    if (!move) return false;
    switch (move.type) {
      case 'select':
        get().scrollRequested(move.row);
        void selectRow(move.row);
        return true;
      case 'toggle':
        void toggleRow(move.row);
        return true;
      case 'fan':
        void toggleFan(move.fanIdx);
        return true;
      default: {
        const never: never = move;
        return never;
      }
    }
  }

  function chooseCompare(target: CompareSide | null): void {
    get().compareTargetChosen(target);
    get().viewChosen('compare');
  }

  /** Shows the open trace's critical path, or hides it: shown, or still being worked out (a second click). */
  async function toggleCriticalPath(): Promise<void> {
    const { traceId, criticalPath, criticalPathPending } = get();
    if (traceId === null) return;
    // A newer click makes an answer still on its way stale: hidden must stay hidden.
    const ticket = gens.take('critical');
    if (criticalPath?.traceId === traceId || criticalPathPending === traceId) {
      get().criticalPathReceived(null);
      return;
    }
    get().criticalPathAsked(traceId);
    let cp: Awaited<ReturnType<TraceWorker['criticalPath']>>;
    try {
      cp = await worker.criticalPath(traceId);
    } catch (err) {
      // Not left pending (pressed and busy) for good.
      if (ticket()) get().criticalPathReceived(null);
      throw err;
    }
    if (!ticket() || get().traceId !== traceId) return;
    get().criticalPathReceived(cp ? criticalPathData(traceId, cp) : null);
  }

  return {
    cancelLoad: () => worker.cancelLoad(),
    setLintOptions,
    firstServiceScores: (maxServices) => worker.firstServiceScores(maxServices),
    exportData,
    stats: (traceId) => worker.stats(traceId),
    ...find,
    serviceGraph: () => worker.serviceGraph(),
    traceLinks: (traceId) => worker.traceLinks(traceId),
    setView: (view) => get().viewChosen(view),
    chooseCompare,
    async restoreLocation(location: HashLocation) {
      if (location.compare) chooseCompare(location.compare);
      await find.restoreLocation(location);
    },
    compare: (a, b) => worker.compare(a, b),
    traceCopies: () => worker.traceCopies(),
    toggleCriticalPath,
    inspectContext: (text) => worker.inspectContext(text),
    lessons: () => worker.lessons(),
    firstSpanFindings: (traceId, spanId, max) => worker.firstSpanFindings(traceId, spanId, max, get().lintOptions),
    lessonOfRule: () => worker.lessonOfRule(),
    fetchFromBackend,
    loadFiles,
    toggleRow,
    toggleFan,
    waterfallKey,
    loadUrls,
    openTrace,
    selectRow,
    moreDetails,
    jumpTo,
    // Collapse all also folds every fan of similar siblings; expand all unfolds them.
    async collapseAll() {
      const { traceId, columns } = get();
      if (traceId === null || !columns) return;
      await refreshRows(traceId, new Set(rowsWithChildren(columns.subtreeEnd)), true, new Set());
    },
    async expandAll() {
      const { traceId, columns } = get();
      if (traceId !== null && columns) await refreshRows(traceId, new Set(), false, new Set(columns.fans.map((_, fanIdx) => fanIdx)));
    },
    async clearAll() {
      await worker.clear();
      gens.cleared();
      get().ingestCleared();
      get().tracesReceived([]);
      get().findingsCleared();
      get().queryCleared();
      get().traceOpened(null);
      get().columnsReceived(null);
    },
  };
}
