// The trace list's summaries the page gets carry every count but not the span id lists (the CLI's report
// keeps those): a dump of orphans would otherwise send the page every span id.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { summarizeAll } from '../../../src/core/model/summary.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

describe("the page's trace summaries", () => {
  it('count roots and orphans without listing their ids', async () => {
    // Children exported without their parent: each is an orphan, and a root of its trace.
    const w = new SdkWorld(17);
    const parent = w.start('api', { name: 'GET /orders', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 5; i++) w.span('api', { name: `SELECT ${i}`, kind: SpanKind.CLIENT, startMs: 1 + i, endMs: 1.5 + i }, parent);
    const withoutParent = w.otlpJson();
    const store = new TraceStore();
    await store.load([{ name: 'orphans.json', data: new TextEncoder().encode(withoutParent) }]);

    const [listed] = store.traces();
    const [full] = summarizeAll(store.data);
    expect(full!.orphanSpanIds).toHaveLength(5);
    expect(listed).toMatchObject({ numSpans: 5, numOrphans: 5, numRoots: 5, rootName: full!.rootName });
    expect('orphanSpanIds' in listed! || 'rootSpanIds' in listed!).toBe(false);
    const { rootSpanIds: _roots, orphanSpanIds: _orphans, ...rest } = full!;
    expect(listed).toEqual(rest);
  });
});
