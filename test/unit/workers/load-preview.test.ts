// A big load into an empty store gives the page one first look while it decodes (workers/load-preview.ts):
// the traces of the spans read so far and the earliest of them, ready to draw. SDK-made spans.
import { gzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { spanIdAt } from '../../../src/app/span-ids.ts';
import { COMPRESSED_SIZE_FACTOR, DOWNLOAD_PREVIEW_AFTER_MS } from '../../../workers/load-preview.ts';
import { TraceStore, type LoadPreview } from '../../../workers/trace-store.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';

/** `numSpans` SDK spans in traces of 100 as OTLP JSON lines, 200 spans a line (a Collector file exporter's shape). */
function jsonLines(numSpans: number, seed: number): Uint8Array {
  const { world, spans } = generateSpans(numSpans, 100, seed);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function loadWithPreviews(store: TraceStore, name: string, data: Uint8Array | Blob): Promise<LoadPreview[]> {
  const previews: LoadPreview[] = [];
  await store.load([{ name, data }], undefined, (p) => previews.push(p));
  return previews;
}

describe('the first look at a big load', () => {
  const lines = jsonLines(12_000, 5);

  it('comes once, early, with the earliest trace read so far ready to draw', async () => {
    const store = new TraceStore({ previewMinBytes: 0 });
    const [preview, ...more] = await loadWithPreviews(store, 'big.jsonl', lines);
    expect(more).toEqual([]);
    // The first callback comes at 4,096 spans, and the preview is made of all of them: each line names its
    // resources before their spans, so each span is placed as it is read (json-scan.ts Guess).
    expect(preview!.numSpans).toBe(4096);
    expect(preview!.traces.reduce((n, t) => n + t.numSpans, 0)).toBe(preview!.numSpans);
    const final = new Map(store.traces().map((t) => [t.traceId, t]));
    for (const t of preview!.traces) expect(t.numSpans).toBeLessThanOrEqual(final.get(t.traceId)!.numSpans);
    // Its waterfall is the earliest of its traces, and here that trace was read whole: the same rows as after the load.
    const shown = preview!.columns.traceId;
    expect(shown).toBe(preview!.traces[0]!.traceId);
    expect(preview!.traces.every((t) => BigInt(t.startUnixNs) >= BigInt(preview!.traces[0]!.startUnixNs))).toBe(true);
    expect(preview!.columns.numRows).toBe(final.get(shown)!.numSpans);
    expect([...preview!.rows]).toEqual([...store.visibleRows(shown, [])]);
    expect(preview!.rows.length).toBeGreaterThan(0);
  });

  it('is not made for small loads, nor beside data already loaded', async () => {
    expect(await loadWithPreviews(new TraceStore(), 'big.jsonl', lines)).toEqual([]); // under PREVIEW_MIN_BYTES
    const store = new TraceStore({ previewMinBytes: 0 });
    await store.load([{ name: 'first.jsonl', data: jsonLines(300, 9) }]);
    expect(await loadWithPreviews(store, 'big.jsonl', lines)).toEqual([]);
    expect(store.traces()).toHaveLength(123);
  });

  it('comes for a gzipped load too, which inflates as it is read; its size counts COMPRESSED_SIZE_FACTOR times', async () => {
    const gz = gzipSync(lines);
    const factor = COMPRESSED_SIZE_FACTOR;
    // Between its own size and the factor's: only the factor makes it big enough.
    const [preview, ...more] = await loadWithPreviews(new TraceStore({ previewMinBytes: gz.length * factor }), 'big.jsonl.gz', gz);
    expect(more).toEqual([]);
    expect(preview!.numSpans).toBeLessThanOrEqual(4096);
    expect(preview!.numSpans).toBeGreaterThan(4096 - 200);
    // It comes while the file is still read: inflated and decoded piece by piece, not after it all came in.
    let clock = 0;
    let bytesRead = 0;
    let bytesReadAtPreview = -1;
    const chunked = new TraceStore({ previewMinBytes: gz.length * factor, chunkBytes: 16 * 1024, now: () => (clock += 100) });
    await chunked.load([{ name: 'big.jsonl.gz', data: gz }], (p) => void (bytesRead = p.bytesDone), () => void (bytesReadAtPreview = bytesRead));
    expect(bytesReadAtPreview).toBeGreaterThan(0);
    expect(bytesReadAtPreview).toBeLessThan(gz.length / 2);
    expect(await loadWithPreviews(new TraceStore({ previewMinBytes: gz.length * factor + 1 }), 'big.jsonl.gz', gz)).toEqual([]);
    // As a Blob (a chosen file), whose first bytes are read to tell.
    const blob = new Blob([gz]);
    expect(await loadWithPreviews(new TraceStore({ previewMinBytes: gz.length * factor }), 'big.jsonl.gz', blob)).toHaveLength(1);
    expect(await loadWithPreviews(new TraceStore({ previewMinBytes: lines.length + 1 }), 'big.jsonl', lines)).toEqual([]);
  });

  it('comes for a slow download once it has run a second, whatever its length says, never for a quick one', async () => {
    const download = (): { stream: ReadableStream<Uint8Array>; size: number } => {
      let at = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (at >= lines.length) return c.close();
          c.enqueue(lines.slice(at, (at += 64 * 1024)));
        },
      }, { highWaterMark: 0 });
      return { stream, size: -1 };
    };
    const load = async (now: () => number, size?: number) => {
      const data = download();
      const previews: Array<{ preview: LoadPreview; atMs: number }> = [];
      await new TraceStore({ now }).load([{ name: 'dl.jsonl', data: size === undefined ? data : { ...data, size } }], undefined, (preview) => previews.push({ preview, atMs: now() }));
      return previews;
    };
    // Quick: the clock does not move.
    expect(await load(() => 0)).toEqual([]);
    // Slow: 100 ms pass at each reading of the clock; the first look comes after DOWNLOAD_PREVIEW_AFTER_MS.
    let clock = 0;
    const [slow, ...more] = await load(() => (clock += 100));
    expect(more).toEqual([]);
    expect(slow!.atMs).toBeGreaterThanOrEqual(DOWNLOAD_PREVIEW_AFTER_MS);
    expect(slow!.preview.numSpans).toBeGreaterThan(0);
    expect(slow!.preview.numSpans).toBeLessThan(12_000);
    // Its length known and under PREVIEW_MIN_BYTES (or a compressed body's, which says nothing of what it
    // inflates to): a slow download gets one all the same, a quick one none.
    clock = 0;
    expect(await load(() => (clock += 100), lines.length)).toHaveLength(1);
    expect(await load(() => 0, lines.length)).toEqual([]);
    // The same bytes from memory (a chosen file read at once): none, however slow.
    clock = 0;
    expect(await loadWithPreviews(new TraceStore({ now: () => (clock += 100) }), 'f.jsonl', lines)).toEqual([]);
  });

  it('comes for a download that stalls before a decoder reports (every 4,096 spans) once it has run a second', async () => {
    // Whole lines of 600 spans arrive, then nothing: the decoder never reaches its next report. The store
    // asks again on a timer while it waits for bytes (faked here, with the clock it reads).
    const head = lines.subarray(0, lines.indexOf(0x0a, lines.indexOf(0x0a, lines.indexOf(0x0a) + 1) + 1) + 1);
    const numHeadSpans = loadDataset([{ name: 'head.jsonl', bytes: head }]).spans.length;
    expect(numHeadSpans).toBe(600);
    let numPulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        // The reader asks again once it has decoded what it had; the rest never arrives.
        if (numPulls++ > 0) return new Promise<void>(() => undefined);
        c.enqueue(head.slice());
      },
    }, { highWaterMark: 0 });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let clock = 0;
      const previews: LoadPreview[] = [];
      const store = new TraceStore({ now: () => clock });
      const loading = store.load([{ name: 'stalled.jsonl', data: { stream, size: lines.length } }], undefined, (p) => previews.push(p));
      await expect.poll(() => numPulls).toBe(2);
      clock = DOWNLOAD_PREVIEW_AFTER_MS - 1;
      await vi.advanceTimersByTimeAsync(DOWNLOAD_PREVIEW_AFTER_MS);
      expect(previews).toEqual([]); // not due yet
      expect(vi.getTimerCount()).toBe(1);
      clock = DOWNLOAD_PREVIEW_AFTER_MS;
      await vi.advanceTimersByTimeAsync(DOWNLOAD_PREVIEW_AFTER_MS);
      expect(previews).toHaveLength(1);
      expect(previews[0]!.numSpans).toBe(600);
      expect(previews[0]!.rows.length).toBeGreaterThan(0);
      expect(vi.getTimerCount()).toBe(0); // once made, no more asking while the download goes on
      await vi.advanceTimersByTimeAsync(3 * DOWNLOAD_PREVIEW_AFTER_MS);
      expect(previews).toHaveLength(1); // once per load
      store.cancelLoad();
      expect((await loading).inputs[0]).toMatchObject({ spans: 600 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('places spans under the resource named before them, and leaves out those whose resource comes after them', async () => {
    // One document of 12,000 spans over four services: the JS SDK writes one resourceSpans per service, its
    // resource first. Written the other way round (keys in any order are OTLP/JSON), a resource is known
    // only once its spans are read, and the scanner places them then (json-scan.ts Guess).
    const { world, spans } = generateSpans(12_000, 100, 5);
    const sdkOrder = world.otlpJson(spans);
    const request = JSON.parse(sdkOrder) as { resourceSpans: Array<{ resource: unknown; scopeSpans: unknown }> };
    const resourceLast = JSON.stringify({ resourceSpans: request.resourceSpans.map((r) => ({ scopeSpans: r.scopeSpans, resource: r.resource })) });
    const firstLook = async (text: string): Promise<{ numSpans: number; services: Set<string> }> => {
      const store = new TraceStore({ previewMinBytes: 0 });
      const [preview] = await loadWithPreviews(store, 'one.json', new TextEncoder().encode(text));
      expect(store.data.spans).toHaveLength(12_000);
      return { numSpans: preview!.numSpans, services: new Set(preview!.traces.flatMap((t) => t.services)) };
    };
    // At 4,096 spans: the first service's 3,000 and 1,096 of the second's.
    const early = await firstLook(sdkOrder);
    expect(early.numSpans).toBe(4096);
    expect(early.services.size).toBe(2);
    expect(early.services.has('(no service.name)')).toBe(false);
    // At 4,096 spans no resource was done; at 8,192 the first service's 3,000 spans were.
    const late = await firstLook(resourceLast);
    expect(late.numSpans).toBe(3000);
    expect(late.services.size).toBe(1);
    expect(late.services.has('(no service.name)')).toBe(false);
  });

  it('answers the page from the first look until the load is done; findings, exports and the score wait for the loaded data', async () => {
    const store = new TraceStore({ previewMinBytes: 0 });
    const seen: { traces: string[]; details: string | undefined; other: number | undefined; rowSpanId: string | undefined }[] = [];
    let lintDuringLoad: Promise<Awaited<ReturnType<TraceStore['findings']>>> | undefined;
    let exportDuringLoad: Promise<Blob> | undefined;
    let scoreDuringLoad: ReturnType<TraceStore['instrumentationScore']> | undefined;
    let loadDone = false;
    let lintBeforeLoadDone = false;
    const preview = await new Promise<LoadPreview>((resolve, reject) => {
      store
        .load([{ name: 'big.jsonl', data: lines }], undefined, (p) => {
          // The page asks these between chunks; here they are asked the moment the first look is sent.
          const shown = p.columns.traceId;
          const other = p.traces[1]!.traceId;
          seen.push({
            traces: store.traces().map((t) => `${t.traceId}:${t.numSpans}`),
            details: store.spanDetails(shown, 2)?.spanId,
            other: store.waterfall(other)?.numRows,
            rowSpanId: spanIdAt(p.columns, 2),
          });
          lintDuringLoad = store.findings();
          exportDuringLoad = store.exportData('otlp-json');
          scoreDuringLoad = store.instrumentationScore();
          void lintDuringLoad.then(() => (lintBeforeLoadDone = !loadDone));
          resolve(p);
        })
        .then(() => (loadDone = true), reject);
    });
    await expect.poll(() => loadDone).toBe(true);
    const [atPreview] = seen;
    expect(atPreview!.traces).toEqual(preview.traces.map((t) => `${t.traceId}:${t.numSpans}`));
    expect(atPreview!.details).toBe(atPreview!.rowSpanId);
    expect(atPreview!.other).toBe(preview.traces[1]!.numSpans);
    // After the load the same row of the same trace (read whole early) is the same span; the list is whole.
    expect(store.spanDetails(preview.columns.traceId, 2)?.spanId).toBe(atPreview!.rowSpanId);
    expect(store.traces().length).toBeGreaterThan(preview.traces.length);
    // The findings asked for during the first look are those of the loaded data, not of the first look.
    const during = await lintDuringLoad!;
    expect(lintBeforeLoadDone).toBe(false);
    const previewIds = new Set(preview.traces.map((t) => t.traceId));
    expect(during.findings.some((f) => f.traceId !== undefined && !previewIds.has(f.traceId))).toBe(true);
    expect(during.findings.length).toBe((await store.findings()).findings.length);
    // So is an export asked for then.
    const exported = JSON.parse(await (await exportDuringLoad!).text()) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] };
    expect(exported.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((sc) => sc.spans))).toHaveLength(12_000);
    // And the Instrumentation Score.
    expect(await scoreDuringLoad!).toEqual(await store.instrumentationScore());
  });

  it('is dropped when the load fails after it: what was loaded before is shown again', async () => {
    const store = new TraceStore({ previewMinBytes: 0 });
    let previewTraces = 0;
    const load = store.load(
      [{ name: 'big.jsonl', data: lines }],
      (p) => {
        if (p.phase === 'assembling') throw new Error('the page went away');
      },
      () => void (previewTraces = store.traces().length),
    );
    await expect(load).rejects.toThrow('the page went away');
    expect(previewTraces).toBeGreaterThan(0);
    expect(store.traces()).toEqual([]);
  });
});
