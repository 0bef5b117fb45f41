// The app's flows driven over a real TraceStore in Node: a worker API that answers like the real one, and
// SDK-made inputs (two small linked traces; 12,000 spans as JSON lines, big enough for a first look).
import { SpanKind } from '@opentelemetry/api';
import type { TraceWorker } from '../../src/app/worker-client.ts';
import type { DetailLimits } from '../../src/core/model/details.ts';
import type { TraceStore } from '../../workers/trace-store.ts';
import { generateSpans } from '../../bench/gen.ts';
import { SdkWorld } from './sdk-world.ts';

/**
 * The worker API over a TraceStore. Like the real worker it handles requests in the order they are sent
 * (each runs at call time); its answers arrive asynchronously, and `delays` holds chosen answers back, so
 * they can arrive after newer ones.
 */
export function fakeWorker(store: TraceStore, delays: Map<string, number> = new Map()): TraceWorker {
  const later = <T>(key: string, answer: () => T) => {
    const value = answer();
    return new Promise<T>((ok) => setTimeout(() => ok(value), delays.get(key) ?? 0));
  };
  const api = {
    load: (files: Parameters<TraceStore['load']>[0], onProgress?: Parameters<TraceStore['load']>[1], onPreview?: Parameters<TraceStore['load']>[2]) => store.load(files, onProgress, onPreview),
    clear: () => later('clear', () => store.clear()),
    generation: () => later('generation', () => store.generation),
    inputs: () => later('inputs', () => store.inputs()),
    // In the form the real worker sends (page-traces.ts), so the page's side of it is driven too.
    traces: () => later('traces', () => store.traceList()),
    waterfall: (traceId: string) => later(`waterfall:${traceId}`, () => store.waterfall(traceId)),
    visibleRows: (traceId: string, collapsed: number[] | 'all', onlyRows?: Int32Array, expandedFans?: number[] | 'all') => later('visibleRows', () => store.visibleRows(traceId, collapsed, onlyRows, expandedFans)),
    search: (traceId: string, text: string) => later('search', () => store.search(traceId, text)),
    findings: (options?: Parameters<TraceStore['findingsForPage']>[0]) => later('findings', () => store.findingsForPage(options)),
    lintProgress: () => later('lintProgress', () => store.lintProgress()),
    findingRowSeverities: (traceId: string) => later('findingRowSeverities', () => store.findingRowSeverities(traceId)),
    spanDetails: (traceId: string, row: number, limits?: DetailLimits) => later('spanDetails', () => store.spanDetails(traceId, row, limits)),
    findSpan: (spanId: string, traceId?: string) => later('findSpan', () => store.findSpan(spanId, traceId)),
    traceql: (query: string) => later('traceql', () => store.traceql(query)),
    criticalPath: (traceId: string) => later('criticalPath', () => store.criticalPath(traceId)),
  };
  return api as unknown as TraceWorker;
}

/** Two traces: a producer trace (root → child → grandchild) and a consumer trace linking to the child. */
export function twoTraces() {
  const w = new SdkWorld(3);
  const root = w.start('api', { name: 'POST /order', kind: SpanKind.SERVER, startMs: 0 });
  const send = w.start('api', { name: 'send', kind: SpanKind.PRODUCER, startMs: 1 }, root);
  w.span('api', { name: 'serialize', startMs: 1.5, endMs: 2 }, send);
  send.end([1714564800, 3_000_000]);
  root.end([1714564800, 10_000_000]);
  w.span('worker', { name: 'process', kind: SpanKind.CONSUMER, startMs: 20, endMs: 30, links: [{ context: send.spanContext() }] });
  return { json: w.otlpJson(), producerTraceId: root.spanContext().traceId, sendId: send.spanContext().spanId };
}

/** 12,000 SDK spans in traces of 100, 200 spans a line. */
export function bigJsonLines(): string {
  const { world, spans } = generateSpans(12_000, 100, 5);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
  return `${lines.join('\n')}\n`;
}
