// Every flow that touches several slices or the worker. Components call these; slices never reach into each
// other. Each worker answer is checked against its generation ticket and dropped when stale.
import type { SpanRef } from '../../core/model/details.ts';
import type { ContextInspection } from '../../core/propagation/inspect.ts';
import type { ServiceGraph } from '../../core/graph/service-graph.ts';
import type { StatRow } from '../../core/stats/span-stats.ts';
import type { LintOptions } from '../../core/lint/config.ts';
import type { InstrumentationScore } from '../../core/score/instrumentation-score.ts';
import type { TraceLink } from '../../core/graph/trace-links.ts';
import type { MainView } from './waterfall-slice.ts';
import type { BackendSettings } from '../../../workers/backend.ts';
import type { FetchTraceResult, LoadFile } from '../../../workers/trace-store.ts';
import { Generations } from '../generation.ts';
import { sortTraces } from '../trace-sort.ts';
import { ancestorRows, rowsWithChildren } from '../tree-walk.ts';
import { downloadText } from '../download.ts';
import { keyMove } from '../waterfall-keys.ts';
import { proxyProgress, transferFiles, type TraceWorker } from '../worker-client.ts';
import type { DataSource } from './ingest-slice.ts';
import type { StoreHook } from './store.ts';

export interface Actions {
  /** Loads inputs together (they merge). The user's first own input replaces the demo. */
  loadFiles(files: LoadFile[], source: Exclude<DataSource, 'none'>): Promise<void>;
  /** Fetches every URL, then loads what arrived together; a failed fetch is reported per URL. */
  loadUrls(urls: readonly string[], source: Exclude<DataSource, 'none'>): Promise<void>;
  openTrace(traceId: string): Promise<void>;
  selectRow(row: number): Promise<void>;
  toggleRow(row: number): Promise<void>;
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
  exportData(kind: 'otlp-json' | 'chrome-trace' | 'findings', scope: 'trace' | 'all'): Promise<void>;
  /** Statistics per service and span name, for a trace or (no id) everything loaded. */
  stats(traceId?: string): Promise<StatRow[]>;
  /** Shows only the spans of one name in the waterfall (the stats table's click). */
  filterToName(name: string): Promise<void>;
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
  /** Re-lints everything loaded with new lint settings (kept in the store and so in the URL). */
  setLintOptions(options: LintOptions): Promise<void>;
  /** The Instrumentation Score of everything loaded, per service and overall. */
  instrumentationScore(): Promise<InstrumentationScore>;
  /** Opens the trace (and selects the span) named by the URL hash, when loaded. */
  restoreLocation(location: { traceId: string; spanId?: string }): Promise<void>;
}

/** The last path segment of a URL, for naming fetched inputs. */
export function nameOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

export function createActions(worker: TraceWorker, store: StoreHook): Actions {
  const gens = new Generations();
  const get = store.getState;

  async function refreshRows(traceId: string, collapsed: ReadonlySet<number>, all = false): Promise<void> {
    const ticket = gens.take('rows');
    const { matchesOnly, matches, searchText } = get();
    const only = matchesOnly && searchText !== '' ? [...matches] : undefined;
    const rows = await worker.visibleRows(traceId, all ? 'all' : [...collapsed], only);
    if (ticket() && get().traceId === traceId) get().visibleRowsReceived(rows, collapsed);
  }

  async function selectRow(row: number): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    get().rowSelected(row);
    const ticket = gens.take('details');
    const details = await worker.spanDetails(traceId, row);
    if (ticket()) get().detailsReceived(details);
  }

  async function openTrace(traceId: string): Promise<void> {
    const ticket = gens.take('waterfall');
    gens.take('rows');
    gens.take('details');
    get().traceOpened(traceId);
    const columns = await worker.waterfall(traceId);
    if (!ticket()) return;
    get().columnsReceived(columns);
    // A search stays open across traces: answer it for this one before drawing its rows.
    const text = get().searchText;
    if (text !== '') get().searchAnswered(text, await worker.search(traceId, text));
    await refreshRows(traceId, new Set());
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
        gens.dataChanged();
      }
      const answer = await work();
      gens.dataChanged();
      const ticket = gens.take('traces');
      const [inputs, traces] = await Promise.all([worker.inputs(), worker.traces()]);
      if (!ticket()) {
        get().loadSuperseded();
        return answer;
      }
      const newSource = get().source === 'user' || source === 'user' ? 'user' : 'demo';
      const numSpans = traces.reduce((n, t) => n + t.numSpans, 0);
      get().loadFinished({ inputs, numSpans, numTraces: traces.length, source: newSource });
      get().tracesReceived(traces);
      // Choose the trace to open now, before linting: a trace the user opens while the findings are being
      // computed must not be replaced when they arrive.
      const current = get().traceId;
      const stillThere = !replaceDemo && current !== null && traces.some((t) => t.traceId === current);
      const first = sortTraces(traces, get().sortKey, get().sortDescending)[0];
      const preferred = preferTraceId !== undefined && traces.some((t) => t.traceId === preferTraceId) ? preferTraceId : undefined;
      // Reopen the current trace too: new inputs may have added spans to it.
      const next = preferred ?? (stillThere ? current : (first?.traceId ?? null));
      const opened = next !== null ? openTrace(next) : Promise.resolve(void get().traceOpened(null));
      const lintTicket = gens.take('lint');
      const lint = await worker.findings(get().lintOptions);
      if (ticket() && lintTicket()) {
        get().findingsReceived(lint.findings, lint.rules);
        get().lintAnswered(lint.errors, lint.thresholds);
      }
      await opened;
      return answer;
    } catch (err) {
      get().loadFailed({ file: failedFile, where: 'worker', message: `the worker failed: ${String(err)}` });
      return null;
    }
  }

  async function loadFiles(files: LoadFile[], source: Exclude<DataSource, 'none'>): Promise<void> {
    await runLoad(source, files.map((f) => f.name).join(', '), () => worker.load(transferFiles(files), proxyProgress((p) => get().loadProgressed(p))));
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

  async function fetchOne(url: string): Promise<LoadFile | null> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      return { name: nameOfUrl(url), data: await response.arrayBuffer() };
    } catch (err) {
      get().loadStarted();
      get().loadFailed({ file: url, where: 'fetch', message: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  async function loadUrls(urls: readonly string[], source: Exclude<DataSource, 'none'>): Promise<void> {
    const fetched = await Promise.all(urls.map(fetchOne));
    const files = fetched.filter((f): f is LoadFile => f !== null);
    if (files.length > 0) await loadFiles(files, source);
  }

  async function jumpTo(ref: SpanRef): Promise<void> {
    if (get().traceId !== ref.traceId || get().columns?.traceId !== ref.traceId) await openTrace(ref.traceId);
    const columns = get().columns;
    if (!columns || columns.traceId !== ref.traceId) return;
    const collapsed = new Set(get().collapsed);
    let changed = false;
    for (const a of ancestorRows(columns.depth, ref.row)) changed = collapsed.delete(a) || changed;
    if (changed) await refreshRows(ref.traceId, collapsed);
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
    const move = keyMove(key, { visibleRows, depth: columns.depth, subtreeEnd: columns.subtreeEnd, collapsed, selectedRow });
    if (!move) return false;
    switch (move.type) {
      case 'select':
        get().scrollRequested(move.row);
        void selectRow(move.row);
        return true;
      case 'toggle':
        void toggleRow(move.row);
        return true;
      default: {
        const never: never = move;
        return never;
      }
    }
  }

  async function restoreLocation(location: { traceId: string; spanId?: string }): Promise<void> {
    const ref = location.spanId ? await worker.findSpan(location.spanId, location.traceId) : null;
    if (ref) await jumpTo(ref);
    else if (get().traces.some((t) => t.traceId === location.traceId)) await openTrace(location.traceId);
  }

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

  async function toggleCriticalPath(): Promise<void> {
    const traceId = get().traceId;
    if (traceId === null) return;
    if (get().criticalPath?.traceId === traceId) {
      get().criticalPathReceived(null);
      return;
    }
    const cp = await worker.criticalPath(traceId);
    if (!cp || get().traceId !== traceId) return;
    const sections = new Map<number, Array<readonly [number, number]>>();
    cp.rows.forEach((row, i) => sections.set(row, [...(sections.get(row) ?? []), [cp.startNs[i]!, cp.endNs[i]!] as const]));
    get().criticalPathReceived({ traceId, sections, selfNs: cp.selfNs });
  }

  async function showMatchesOnly(on: boolean): Promise<void> {
    get().matchesOnlySet(on);
    const traceId = get().traceId;
    if (traceId !== null) await refreshRows(traceId, get().collapsed);
  }

  async function exportData(kind: 'otlp-json' | 'chrome-trace' | 'findings', scope: 'trace' | 'all'): Promise<void> {
    const traceId = scope === 'trace' ? (get().traceId ?? undefined) : undefined;
    const text = await worker.exportData(kind, traceId);
    const name = `${traceId ?? 'tracelens'}.${kind === 'otlp-json' ? 'otlp.json' : kind === 'chrome-trace' ? 'chrome-trace.json' : 'findings.json'}`;
    downloadText(name, text);
  }

  async function setLintOptions(options: LintOptions): Promise<void> {
    get().lintOptionsSet(options);
    const ticket = gens.take('lint');
    const lint = await worker.findings(options);
    if (!ticket()) return;
    get().findingsReceived(lint.findings, lint.rules);
    get().lintAnswered(lint.errors, lint.thresholds);
  }

  async function filterToName(name: string): Promise<void> {
    get().searchOpened(true);
    get().viewChosen('waterfall');
    get().matchesOnlySet(true);
    await search(name);
  }

  return {
    setLintOptions,
    instrumentationScore: () => worker.instrumentationScore(),
    exportData,
    stats: (traceId) => worker.stats(traceId),
    filterToName,
    serviceGraph: () => worker.serviceGraph(),
    traceLinks: (traceId) => worker.traceLinks(traceId),
    setView: (view) => get().viewChosen(view),
    toggleCriticalPath,
    search,
    nextMatch,
    showMatchesOnly,
    inspectContext: (text) => worker.inspectContext(text),
    fetchFromBackend,
    restoreLocation,
    loadFiles,
    toggleRow,
    waterfallKey,
    loadUrls,
    openTrace,
    selectRow,
    jumpTo,
    async collapseAll() {
      const { traceId, columns } = get();
      if (traceId === null || !columns) return;
      await refreshRows(traceId, new Set(rowsWithChildren(columns.subtreeEnd)), true);
    },
    async expandAll() {
      const traceId = get().traceId;
      if (traceId !== null) await refreshRows(traceId, new Set());
    },
    async clearAll() {
      await worker.clear();
      gens.dataChanged();
      get().ingestCleared();
      get().tracesReceived([]);
      get().findingsReceived([], []);
      get().traceOpened(null);
      get().columnsReceived(null);
    },
  };
}
