// The Web Worker entry: one comlink-exposed object, the whole worker API. Large numeric data crosses as
// transferred typed arrays; everything else is plain structured-cloneable data.
import * as Comlink from 'comlink';
import { LESSON_OF_EVERY_RULE, LESSONS } from '../src/core/learn/lessons.ts';
import type { CompareSide } from '../src/core/compare/side.ts';
import type { LintOptions } from '../src/core/lint/config.ts';
import type { DetailLimits } from '../src/core/model/details.ts';
import type { BackendSettings } from './backend.ts';
import { criticalPathBuffers } from './critical-sections.ts';
import { pageColumnBuffers } from './page-columns.ts';
import { pageTraceListBuffers } from './page-traces.ts';
import { TraceStore, type ExportKind, type LoadFile, type LoadPreview, type LoadProgress } from './trace-store.ts';
import { WarmUp } from './warm-up.ts';
import { startReadAhead } from './read-ahead-client.ts';
import { seedShapes } from '../src/core/warm/seed-shapes.ts';

// The file reader worker starts with this one, so a first load does not wait for it to start.
const store = new TraceStore({ readAhead: startReadAhead() });
/** Loads (and backend fetches) under way: the warm-up waits for none of them, it gives way. */
let numLoading = 0;
const warmUp = new WarmUp(() => numLoading > 0);

/** Runs a load, stopping the warm-up first and counting it as under way until it ends. */
async function loading<T>(run: () => Promise<T>): Promise<T> {
  warmUp.stop();
  numLoading++;
  try {
    return await run();
  } finally {
    numLoading--;
    // After the answer is sent: keeps the maps of a load's objects alive for the loads to come (keep-shapes.ts).
    setTimeout(seedShapes, 0);
  }
}

const api = {
  load: (files: LoadFile[], onProgress?: (p: LoadProgress) => void, onPreview?: (p: LoadPreview) => void) => loading(() => store.load(files, onProgress, onPreview)),
  /** Warms the decoder's code on a made-up export, once (warm-up.ts; `numRounds`: the page's URL may ask); stopped by a load, and not begun during one. */
  warmUp: (numRounds?: number) => warmUp.run(numRounds === undefined ? {} : { numRounds }),
  /** Stops the loads under way at their next chunk; handled while a load awaits its next chunk read. */
  cancelLoad: () => store.cancelLoad(),
  clear: () => store.clear(),
  generation: () => store.generation,
  inputs: () => store.inputs(),
  traces() {
    const list = store.traceList();
    return Comlink.transfer(list, pageTraceListBuffers(list));
  },
  waterfall(traceId: string) {
    const cols = store.waterfall(traceId);
    return cols ? Comlink.transfer(cols, pageColumnBuffers(cols)) : null;
  },
  visibleRows(traceId: string, collapsed: number[] | 'all', onlyRows?: Int32Array, expandedFans?: number[] | 'all') {
    const rows = store.visibleRows(traceId, collapsed, onlyRows, expandedFans);
    return Comlink.transfer(rows, [rows.buffer]);
  },
  search(traceId: string, text: string) {
    const rows = store.search(traceId, text);
    return Comlink.transfer(rows, [rows.buffer]);
  },
  spanDetails: (traceId: string, row: number, limits?: DetailLimits) => store.spanDetails(traceId, row, limits),
  findSpan: (spanId: string, traceId?: string) => store.findSpan(spanId, traceId),
  inspectContext: (text: string) => store.inspectContext(text),
  /** Learn mode's lessons (plain data; the app imports core as types only). */
  lessons: () => LESSONS,
  /** Rule id → the lesson explaining it, for every rule. */
  lessonOfRule: () => [...LESSON_OF_EVERY_RULE],
  findings: (options?: LintOptions) => store.findingsForPage(options),
  lintProgress: () => store.lintProgress(),
  async findingRowSeverities(traceId: string, options?: LintOptions) {
    const rows = await store.findingRowSeverities(traceId, options);
    return Comlink.transfer(rows, [rows.buffer]);
  },
  firstSpanFindings: (traceId: string, spanId: string, max: number, options?: LintOptions) => store.firstSpanFindings(traceId, spanId, max, options),
  firstServiceScores: (maxServices: number) => store.firstServiceScores(maxServices),
  serviceGraph: () => store.serviceGraph(),
  stats: (traceId?: string) => store.stats(traceId),
  exportData: (kind: ExportKind, traceId?: string) => store.exportData(kind, traceId),
  traceLinks: (traceId: string) => store.traceLinks(traceId),
  traceql: (query: string) => store.traceql(query),
  compare: (a: CompareSide, b: CompareSide) => store.compare(a, b),
  traceCopies: () => store.traceCopies(),
  criticalPath(traceId: string) {
    const cp = store.criticalPath(traceId);
    return cp ? Comlink.transfer(cp, criticalPathBuffers(cp)) : null;
  },
  fetchTrace: (settings: BackendSettings, traceId: string) => loading(() => store.fetchTrace(settings, traceId)),
};

export type WorkerApi = typeof api;

Comlink.expose(api);
