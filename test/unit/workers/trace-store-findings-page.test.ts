// The page gets complete counts but a capped list of findings (millions would not survive the trip); a
// trace's row badges and a span's findings are answered by the worker from the complete list.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { PAGE_FINDINGS_PER_RULE, TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

/** One request whose 700 children each carry the renamed `http.method` (deprecated-attribute, a warning). */
async function store(): Promise<TraceStore> {
  const w = new SdkWorld(61);
  const root = w.start('api', { name: 'batch', kind: SpanKind.SERVER, startMs: 0 });
  for (let i = 0; i < 700; i++) w.span('api', { name: `call ${i % 7}`, startMs: 1 + i * 0.01, endMs: 1.005 + i * 0.01, attributes: { 'http.method': 'GET' } }, root);
  root.end([1714564800, 20_000_000]);
  const s = new TraceStore();
  await s.load([{ name: 'many.json', data: new TextEncoder().encode(w.otlpJson()) }]);
  return s;
}

describe('findings for the page', () => {
  it('caps each rule at the page limit and keeps every count', async () => {
    const s = await store();
    const all = s.findings().findings.filter((f) => f.rule === 'deprecated-attribute');
    expect(all.length).toBe(700);
    const page = s.findingsForPage();
    expect(page.findings.filter((f) => f.rule === 'deprecated-attribute')).toHaveLength(PAGE_FINDINGS_PER_RULE);
    const counts = page.summary.byRule.find((c) => c.rule === 'deprecated-attribute')!;
    expect(counts).toMatchObject({ warning: 700, shown: PAGE_FINDINGS_PER_RULE });
    expect(page.summary.total).toBe(s.findings().findings.length);
    const traceId = s.traces()[0]!.traceId;
    expect(new Map(page.summary.perTrace).get(traceId)).toBe(s.findings().findings.filter((f) => f.traceId === traceId).length);
  });

  it('answers row badges and a span\'s findings from the complete list, past the cap', async () => {
    const s = await store();
    const traceId = s.traces()[0]!.traceId;
    const rows = s.findingRowSeverities(traceId);
    const last = s.findings().findings.filter((f) => f.rule === 'deprecated-attribute').at(-1)!;
    expect(rows[last.row!]).toBe(1); // warning, although this finding is past the page's cap
    expect(s.spanFindings(traceId, last.spanId).map((f) => f.rule)).toContain('deprecated-attribute');
    expect(s.findingRowSeverities('no-such-trace')).toHaveLength(0);
  });
});
