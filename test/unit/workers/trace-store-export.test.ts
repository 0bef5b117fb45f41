// The app's export: everything loaded (or one trace) as OTLP/JSON, Chrome trace JSON or the findings, handed
// to the page as a Blob of pieces, so an export of a million spans is not one string over V8's limit.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { TraceStore } from '../../../workers/trace-store.ts';
import { writeOtlpJson } from '../../../src/core/export/otlp-json.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { PIECE_CHARS } from '../../../src/core/text-pieces.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const SERVICES = ['frontend', 'orders', 'billing'];

/** 40 traces of 100 spans over three services (children alternate services), with long attribute values. */
async function store(): Promise<TraceStore> {
  const w = new SdkWorld(73);
  for (let t = 0; t < 40; t++) {
    const root = w.start('frontend', { name: `GET /page/${t}`, kind: SpanKind.SERVER, startMs: t * 10 });
    for (let i = 0; i < 99; i++) {
      w.span(SERVICES[i % 3]!, { name: `step ${i % 5}`, startMs: t * 10 + 0.01 * i, endMs: t * 10 + 0.01 * i + 0.005, attributes: { 'db.query.text': `SELECT * FROM t${i} WHERE id = ${t}`.padEnd(200, ' ') } }, root);
    }
    root.end([1714564800, (t * 10 + 5) * 1_000_000]);
  }
  const s = new TraceStore();
  await s.load([{ name: 'export-me.json', data: new TextEncoder().encode(w.otlpJson()) }]);
  return s;
}

const spanIds = (bytes: Uint8Array): string[] => loadDataset([{ name: 'exported.json', bytes }]).spans.map((s) => `${s.traceId}/${s.spanId}/${s.parentSpanId}`).sort();

describe('export from the worker', () => {
  it('writes everything loaded as OTLP/JSON in pieces that read back as the same spans', async () => {
    const s = await store();
    const blob = await s.exportData('otlp-json');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(spanIds(bytes)).toEqual(s.data.spans.map((sp) => `${sp.traceId}/${sp.spanId}/${sp.parentSpanId}`).sort());
    expect(spanIds(bytes)).toHaveLength(4000);
    const pieces: string[] = [];
    writeOtlpJson(s.data, (p) => void pieces.push(p));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(PIECE_CHARS + 2000);
    expect(pieces.join('')).toBe(await blob.text());
  });

  it('writes one trace as Chrome trace JSON: every span an event, one named thread per service and trace', async () => {
    const s = await store();
    const second = s.traces()[1];
    const doc = JSON.parse(await (await s.exportData('chrome-trace', second!.traceId)).text()) as { traceEvents: Array<{ ph: string; name: string; pid: number; tid?: number; args: Record<string, string> }> };
    const complete = doc.traceEvents.filter((e) => e.ph === 'X');
    expect(complete).toHaveLength(100);
    expect(new Set(complete.map((e) => e.args.traceId))).toEqual(new Set([second!.traceId]));
    const threads = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => `${e.pid}/${e.tid}`);
    expect(threads.sort()).toEqual([...new Set(complete.map((e) => `${e.pid}/${e.tid}`))].sort());
    expect(threads).toHaveLength(3);
    // Everything: each trace is its own thread in each of its services' processes.
    const all = JSON.parse(await (await s.exportData('chrome-trace')).text()) as typeof doc;
    const allThreads = all.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    expect(allThreads).toHaveLength(40 * 3);
    expect(new Set(allThreads.map((e) => `${e.pid}/${e.tid}`)).size).toBe(40 * 3);
    expect(all.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(4000);
  });

  it('writes the findings as the pretty JSON it always wrote', async () => {
    const s = await store();
    const { findings } = await s.findings();
    expect(findings.length).toBeGreaterThan(0);
    expect(await (await s.exportData('findings')).text()).toBe(JSON.stringify(findings, null, 2));
    const traceId = findings[0]!.traceId;
    expect(await (await s.exportData('findings', traceId)).text()).toBe(JSON.stringify(findings.filter((f) => f.traceId === traceId), null, 2));
  });
});
