// The worker's state and every question the page may ask of it. Kept apart from the comlink entry so tests
// can drive it directly in Node. The worker owns the data: the page gets summaries, row windows and details.
import { assemble, type Dataset, type TraceModel } from '../src/core/model/assemble.ts';
import type { InputReport } from '../src/core/model/dataset-builder.ts';
import { FIRST_DETAILS, findSpan, spanDetails, type DetailLimits, type SpanDetails, type SpanRef } from '../src/core/model/details.ts';
import { visibleRowsOf } from '../src/core/model/visible-rows.ts';
import { prepareSearch, searchTrace } from '../src/core/query/search.ts';
import { runTraceQL, type TraceQLResult } from '../src/core/query/traceql/evaluate.ts';
import { findFans, type Fans } from '../src/core/model/fans.ts';
import { criticalPath, selfTimes } from '../src/core/graph/critical-path.ts';
import { serviceGraph, type ServiceGraph } from '../src/core/graph/service-graph.ts';
import { traceLinks, type TraceLink } from '../src/core/graph/trace-links.ts';
import { writeChromeTrace } from '../src/core/export/chrome-trace.ts';
import { writeOtlpJson } from '../src/core/export/otlp-json.ts';
import { writePrettyJson } from '../src/core/pretty-json.ts';
import { spanStats, type StatRow } from '../src/core/stats/span-stats.ts';
import { buildLintConfig, type LintOptions } from '../src/core/lint/config.ts';
import { lintSteps } from '../src/core/lint/engine.ts';
import { ALL_RULES, RULES_BY_ID } from '../src/core/lint/index.ts';
import { THRESHOLDS, type ThresholdDef } from '../src/core/lint/thresholds.ts';
import { instrumentationScore, type InstrumentationScore } from '../src/core/score/instrumentation-score.ts';
import type { Finding, RuleMeta } from '../src/core/lint/types.ts';
import { FindingsIndex, type FindingsSummary } from '../src/core/lint/findings-index.ts';
import { listSummaries, type TraceListSummary } from '../src/core/model/summary.ts';
import { pageTraceList, type PageTraceList } from './page-traces.ts';
import { inspectContext, type ContextInspection } from '../src/core/propagation/inspect.ts';
import { fetchTraceFromBackend, type BackendSettings, type FetchFailureCode } from './backend.ts';
import { rowTimes } from '../src/core/model/waterfall.ts';
import { CountingBuilder } from './counting-builder.ts';
import { FilesReader, type LoadFile, type LoadProgress, type ReadOptions } from './load-files.ts';
import { drawnSections, type PageCriticalPath } from './critical-sections.ts';
import { tracePageColumns, type PageColumns } from './page-columns.ts';
import { LoadPreviewer, PREVIEW_MIN_BYTES, previewPlan, type LoadPreview } from './load-preview.ts';
import { compareTraces, type CompareResult } from '../src/core/compare/diff.ts';
import { tracesInSeveralInputs, type CompareSide, type TraceCopies } from '../src/core/compare/side.ts';
import { macrotask } from './macrotask.ts';

export type FetchTraceResult =
  | { readonly ok: true; readonly url: string; readonly outcome: LoadOutcome }
  | { readonly ok: false; readonly code: FetchFailureCode; readonly url: string; readonly message: string };

export interface LoadOutcome {
  /** Reports of the inputs this call loaded. */
  readonly inputs: readonly InputReport[];
  readonly numTraces: number;
  readonly numSpans: number;
}

export type { LoadFile, LoadPreview, LoadProgress, PageColumns };

/** What the Export menu can download. */
export type ExportKind = 'otlp-json' | 'chrome-trace' | 'findings';

/** How files are read (load-files.ts ReadOptions: chunk size, whole reads, the clock, the reader worker). */
export interface TraceStoreOptions extends Pick<ReadOptions, 'chunkBytes' | 'wholeReadBytes' | 'now' | 'readAhead'> {
  /** Loads of at least this many bytes get a preview while they decode (load-preview.ts PREVIEW_MIN_BYTES). */
  readonly previewMinBytes?: number;
}

/** Findings of one rule the page receives at most; the counts are always complete. */
export const PAGE_FINDINGS_PER_RULE = 500;
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;
/** Longest stretch of linting before the worker takes the page's other questions (see `lint`). */
const LINT_SLICE_MS = 30;

interface LintCache {
  readonly errors: string[];
  readonly findings: Finding[];
  readonly index: FindingsIndex;
}

export class TraceStore {
  private builder = new CountingBuilder();
  private dataset: Dataset = assemble(this.builder);
  /** Bumped on every load/clear, so the page can recognise stale answers. */
  generation = 0;

  constructor(private readonly options: TraceStoreOptions = {}) {}

  /**
   * Aborted (and replaced) by cancelLoad: a load started before stops at its next chunk, and a read waiting
   * on a stalled download stops waiting (read-chunks.ts).
   */
  private cancelled = new AbortController();

  /**
   * Stops every load under way at its next chunk (see load-files.ts): a stream-decoded file keeps the spans
   * read so far, a file read whole is dropped before decoding, later files are not read; the inputs loaded
   * before stay as they were.
   */
  cancelLoad(): void {
    this.cancelled.abort();
    this.cancelled = new AbortController();
  }

  /**
   * Loads files beside what is loaded. `onPreview` hears once, during a big load into an empty store, of the
   * spans read so far (see load-preview.ts).
   */
  async load(files: readonly LoadFile[], onProgress?: (p: LoadProgress) => void, onPreview?: (p: LoadPreview) => void): Promise<LoadOutcome> {
    const first = this.builder.inputs.length;
    const plan = onPreview !== undefined && this.builder.numSpans === 0 ? await previewPlan(files, this.options.previewMinBytes ?? PREVIEW_MIN_BYTES, this.options.now) : null;
    const before = this.dataset;
    let previewEnded: (() => void) | undefined;
    let previewData: Dataset | undefined;
    const previewer = plan && onPreview
      ? new LoadPreviewer(this.builder, (preview, dataset) => {
          // Until the load is done the page's questions (a span's details, another trace, a search, a fold)
          // are answered from the first look, between chunks; findings, exports and the score wait for the
          // loaded data.
          this.show((previewData = dataset));
          this.previewLoadEnd = new Promise((resolve) => (previewEnded = resolve));
          onPreview(preview);
        }, plan.isDue)
      : undefined;
    const stopRecheck = previewer && plan?.recheckMs !== undefined ? previewer.recheckEvery(plan.recheckMs, () => this.builder.numSpans) : undefined;
    const reader = new FilesReader(this.builder, files, {
      ...this.options,
      cancelled: this.cancelled.signal,
      ...(onProgress ? { onProgress } : {}),
      ...(previewer ? { onSpans: (n: number) => previewer.spansRead(n) } : {}),
    });
    try {
      for (let i = 0; i < files.length; i++) await reader.readFile(i);
      const { bytesDone, bytesTotal } = reader;
      // The last phases name what is being loaded too, so the indicator always says which files it is about.
      const what = files.length === 1 ? files[0]!.name : `${files.length} files`;
      // Once every file is read, what was read is the total (a download of unknown length has one now).
      const last = { fileIdx: files.length - 1, numFiles: files.length, bytesDone, bytesTotal: Math.max(bytesTotal, bytesDone) };
      onProgress?.({ ...last, file: what, numSpans: this.builder.numSpans, phase: 'assembling', elapsedMs: reader.elapsedMs() });
      this.builder.releasePool();
      this.show(assemble(this.builder));
      onProgress?.({ ...last, file: '', fileIdx: files.length, numSpans: this.builder.numSpans, phase: 'done', elapsedMs: reader.elapsedMs() });
      return { inputs: this.builder.inputs.slice(first), numTraces: this.dataset.traces.length, numSpans: this.dataset.numSpans };
    } catch (err) {
      // A first look must not outlive a failed load: what was loaded before it is shown again.
      if (previewData !== undefined && this.dataset === previewData) this.show(before);
      throw err;
    } finally {
      stopRecheck?.();
      if (previewEnded) {
        this.previewLoadEnd = null;
        previewEnded();
      }
    }
  }

  /** Set while a load's first look stands in for the data (see load): resolved when the load is done. */
  private previewLoadEnd: Promise<void> | null = null;

  /** Fetches one trace from a Tempo or Jaeger backend and loads it beside what is loaded. */
  async fetchTrace(settings: BackendSettings, traceId: string, fetchImpl: typeof fetch = fetch): Promise<FetchTraceResult> {
    const fetched = await fetchTraceFromBackend(settings, traceId, fetchImpl);
    if (!fetched.ok) return fetched;
    const outcome = await this.load([{ name: fetched.url, data: fetched.bytes }]);
    return { ok: true, url: fetched.url, outcome };
  }

  /**
   * Lint findings over everything loaded (computed once per load and lint options), with every rule's
   * explanation. Options take the CLI's tracelens.config.json shape; unknown rules and bad values come back
   * as `errors` and are ignored.
   */
  async findings(options: LintOptions = {}): Promise<{ findings: Finding[]; rules: RuleMeta[]; errors: string[]; thresholds: readonly ThresholdDef[] }> {
    const cache = await this.lint(options);
    return { findings: cache.findings, rules: ALL_RULES.map((r) => r.meta), errors: cache.errors, thresholds: THRESHOLDS };
  }

  /**
   * Runs the linter once per load and lint options; the index over its findings is built with it. The run
   * goes in slices of LINT_SLICE_MS with a task boundary between them, so the page's other questions (rows,
   * details, search) are answered while a million spans are linted; askers of the findings wait for the end.
   */
  private lint(options: LintOptions): Promise<LintCache> {
    // A first look lacks spans not read yet: its findings (orphans, missing parents) would be wrong.
    if (this.previewLoadEnd) return this.previewLoadEnd.then(() => this.lint(options));
    const key = JSON.stringify(options);
    // show() forgets the run of the data shown before; a run for other options is replaced.
    if (this.lintCache?.key !== key) {
      const { config, errors } = buildLintConfig([options], new Set(RULES_BY_ID.keys()), Date.now());
      const steps = lintSteps(this.dataset, ALL_RULES, config);
      const generation = this.generation;
      const progress: { fraction: number | null } = { fraction: 0 };
      const done = (async (): Promise<LintCache> => {
        for (let sliceStart = performance.now(); ; ) {
          // A newer load made this run stale: its askers are stale too (the page drops their answers), and
          // `return` ends it with no findings, letting go of what it held (lintSteps' finally).
          const step = this.generation === generation ? steps.next() : steps.return([]);
          if (step.done) {
            progress.fraction = null;
            return { errors, findings: step.value, index: new FindingsIndex(step.value, PAGE_FINDINGS_PER_RULE) };
          }
          progress.fraction = step.value;
          if (performance.now() - sliceStart >= LINT_SLICE_MS) {
            await macrotask();
            sliceStart = performance.now();
          }
        }
      })();
      this.lintCache = { key, done, progress };
    }
    return this.lintCache.done;
  }

  /** The lint of what is shown, for one set of options: its answer, and how far it has got (null once done). */
  private lintCache: { key: string; done: Promise<LintCache>; progress: { fraction: number | null } } | null = null;

  /** How far the lint of what is loaded has got (0 to 1, an estimate), or null when none is running. */
  lintProgress(): number | null {
    return this.lintCache?.progress.fraction ?? null;
  }

  /**
   * What the page gets of the findings: every rule's count by severity and every trace's count, but at most
   * PAGE_FINDINGS_PER_RULE findings of each rule (a million spans can give millions of findings, which would
   * not survive the trip to the page). A span's or a trace's own findings are asked for separately.
   */
  async findingsForPage(options: LintOptions = {}): Promise<Awaited<ReturnType<TraceStore['findings']>> & { summary: FindingsSummary }> {
    const { index, errors } = await this.lint(options);
    return { findings: [...index.capped], rules: ALL_RULES.map((r) => r.meta), errors, thresholds: THRESHOLDS, summary: index.summary };
  }

  /** The highest finding severity of each row of a trace (-1 none, 0 info, 1 warning, 2 error), for row badges. */
  async findingRowSeverities(traceId: string, options: LintOptions = {}): Promise<Int8Array> {
    const t = this.trace(traceId);
    const out = new Int8Array(t?.numRows ?? 0).fill(-1);
    if (!t) return out;
    for (const f of (await this.lint(options)).index.ofTrace(traceId)) {
      if (f.row === undefined) continue;
      const rank = SEVERITY_RANK[f.severity];
      if (rank > out[f.row]!) out[f.row] = rank;
    }
    return out;
  }

  /** Every finding of one span. */
  async spanFindings(traceId: string, spanId: string, options: LintOptions = {}): Promise<Finding[]> {
    return (await this.lint(options)).index.ofTrace(traceId).filter((f) => f.spanId === spanId);
  }

  /**
   * The first `max` findings of one span, and how many it has: one span of 50,000 events and 20,000 links
   * had 75,000 findings, and handing them all over cost the page a ~230 ms task (the details pane draws the
   * first ones and asks for more).
   */
  async firstSpanFindings(traceId: string, spanId: string, max: number, options: LintOptions = {}): Promise<{ findings: Finding[]; total: number }> {
    const all = await this.spanFindings(traceId, spanId, options);
    return { findings: all.slice(0, max), total: all.length };
  }

  /**
   * The Instrumentation Score (trace rules) per service and overall; independent of the lint options. Like
   * the findings it waits for a load's end rather than score a first look (spans missing, parents unread).
   */
  async instrumentationScore(): Promise<InstrumentationScore> {
    if (this.previewLoadEnd) await this.previewLoadEnd;
    return (this.scoreCache ??= instrumentationScore(this.dataset));
  }

  /**
   * The score with the first `maxServices` services' cards, and how many services there are: 20,000
   * services' scores (ten rules each, with up to 50 failing spans per rule) cost the page a 633 ms task to
   * take in, though it draws the first 100 cards only.
   */
  async firstServiceScores(maxServices: number): Promise<InstrumentationScore & { readonly numServices: number }> {
    const score = await this.instrumentationScore();
    return { ...score, services: score.services.slice(0, maxServices), numServices: score.services.length };
  }

  private scoreCache: InstrumentationScore | null = null;

  /** Drops everything loaded, and stops the loads under way at their next chunk: what they read would go nowhere. */
  clear(): void {
    this.cancelLoad();
    this.builder = new CountingBuilder();
    this.show(assemble(this.builder));
  }

  /**
   * Makes `dataset` the one the page's questions are answered from; the only place the data changes. Answers
   * kept for the one before go with it, so the caches need no generation of their own: a million spans'
   * findings held ~165 MiB of the worker's heap after a Clear until the next lint.
   */
  private show(dataset: Dataset): void {
    this.dataset = dataset;
    this.generation++;
    this.lintCache = null;
    this.scoreCache = null;
    this.fanCache = null;
  }

  get data(): Dataset {
    return this.dataset;
  }

  inputs(): InputReport[] {
    return this.builder.inputs.map((i) => ({ ...i, errors: [...i.errors] }));
  }

  /** The trace list's summaries (without span id lists: see TraceListSummary). */
  traces(): TraceListSummary[] {
    return listSummaries(this.dataset);
  }

  /** The same summaries as columns, in the form the page is sent (page-traces.ts). */
  traceList(): PageTraceList {
    return pageTraceList(this.dataset);
  }

  private trace(traceId: string) {
    const idx = this.dataset.traceIdx.get(traceId);
    return idx === undefined ? undefined : this.dataset.traces[idx];
  }

  /** The trace's waterfall columns in the page's form (page-columns.ts). */
  waterfall(traceId: string): PageColumns | null {
    const t = this.trace(traceId);
    if (!t) return null;
    // The search index of a big trace is built after this answer has gone, in 30 ms slices, so opening does
    // not wait for it, the page's other questions are answered meanwhile, and later searches use it.
    const ds = this.dataset;
    setTimeout(() => {
      if (this.dataset === ds) void prepareSearch(ds, t, macrotask);
    }, 0);
    return tracePageColumns(ds, t, this.fansOf(t));
  }

  /** The trace's fans of similar siblings, computed once per trace and load. */
  private fansOf(t: TraceModel): Fans {
    const byTrace = (this.fanCache ??= new Map());
    let fans = byTrace.get(t.traceId);
    if (!fans) byTrace.set(t.traceId, (fans = findFans(this.dataset, t)));
    return fans;
  }

  /** Fans by trace id, of the data shown. */
  private fanCache: Map<string, Fans> | null = null;

  /**
   * Visible rows given collapsed rows ('all' collapses every parent). With `onlyRows`, only those rows and
   * their ancestors are shown ("show matches only"). Fans of similar siblings are folded into their head row
   * unless listed in `expandedFans` ('all': none folded).
   */
  visibleRows(traceId: string, collapsed: readonly number[] | 'all', onlyRows?: Iterable<number>, expandedFans: readonly number[] | 'all' = []): Int32Array {
    const t = this.trace(traceId);
    if (!t) return new Int32Array(0);
    return visibleRowsOf(t, () => this.fansOf(t), collapsed, onlyRows, expandedFans);
  }

  /**
   * The trace's critical path (Jaeger UI's algorithm) as row and section arrays, as drawn (nearby sections of a
   * row merged: critical-sections.ts), plus each span's self time.
   */
  criticalPath(traceId: string): (PageCriticalPath & { selfNs: Float64Array }) | null {
    const t = this.trace(traceId);
    if (!t) return null;
    const { startNs, durNs } = rowTimes(this.dataset, t);
    return { ...drawnSections(criticalPath(t, startNs, durNs), Number(t.endNs - t.startNs)), selfNs: selfTimes(t, startNs, durNs) };
  }

  /**
   * The selected trace (or everything loaded) as OTLP/JSON or Chrome trace JSON, or the findings as JSON: a
   * Blob of the text's pieces, since everything loaded can be more text than one string holds.
   */
  async exportData(kind: ExportKind, traceId?: string): Promise<Blob> {
    // A first look is not what was loaded: the export waits for the load's end.
    if (this.previewLoadEnd) await this.previewLoadEnd;
    const only = traceId === undefined ? undefined : new Set([traceId]);
    const pieces: string[] = [];
    const write = (piece: string): void => void pieces.push(piece);
    switch (kind) {
      case 'otlp-json':
        writeOtlpJson(this.dataset, write, only);
        break;
      case 'chrome-trace':
        writeChromeTrace(this.dataset, write, only);
        break;
      case 'findings': {
        const { findings } = await this.findings();
        writePrettyJson(traceId === undefined ? findings : findings.filter((f) => f.traceId === traceId), write);
        break;
      }
      default: {
        const never: never = kind;
        return never;
      }
    }
    return new Blob(pieces, { type: 'application/json' });
  }

  /** Per service and span name statistics for one trace, or for everything loaded. */
  stats(traceId?: string): StatRow[] {
    const t = traceId === undefined ? undefined : this.trace(traceId);
    return spanStats(this.dataset, t ? [t] : traceId === undefined ? this.dataset.traces : []);
  }

  serviceGraph(): ServiceGraph {
    return serviceGraph(this.dataset);
  }

  /** Span links of one trace, both directions, with where each end is when it is loaded. */
  traceLinks(traceId: string): TraceLink[] {
    return traceLinks(this.dataset, traceId);
  }

  /** Rows of the trace matching `text` (names, services, ids, attribute keys and values, events). */
  search(traceId: string, text: string): Int32Array {
    const t = this.trace(traceId);
    return t ? searchTrace(this.dataset, t, text) : new Int32Array(0);
  }

  /**
   * Runs a TraceQL query over everything loaded. A bad query comes back as `{ ok: false, error }` with the
   * character offset, never as a throw (comlink would lose the error's fields).
   */
  traceql(query: string): TraceQLResult {
    return runTraceQL(this.dataset, query);
  }

  /** Aligns two traces (or two inputs' copies of one trace) span by span; a side not loaded is a value. */
  compare(a: CompareSide, b: CompareSide): CompareResult {
    return compareTraces(this.dataset, a, b);
  }

  /** Traces loaded from several inputs, and which: each input's copy can be compared with another's. */
  traceCopies(): TraceCopies[] {
    return tracesInSeveralInputs(this.dataset);
  }

  /** The span's details with the first of its attributes, events and links up to `limits` (details.ts FIRST_DETAILS). */
  spanDetails(traceId: string, row: number, limits: DetailLimits = FIRST_DETAILS): SpanDetails | null {
    const t = this.trace(traceId);
    return t ? spanDetails(this.dataset, t, row, limits) : null;
  }

  /** Decodes a pasted traceparent/tracestate/baggage/B3 (or trace id) and finds it in the loaded data. */
  inspectContext(text: string): ContextInspection {
    return inspectContext(this.dataset, text);
  }

  /** Finds a span by id, in one trace or (traceId omitted) in any. */
  findSpan(spanId: string, traceId?: string): SpanRef | null {
    if (traceId !== undefined) return findSpan(this.dataset, traceId, spanId);
    for (const t of this.dataset.traces) {
      const ref = findSpan(this.dataset, t.traceId, spanId);
      if (ref) return ref;
    }
    return null;
  }
}
