// The lint settings flow over a real TraceStore: new settings re-lint and land in the store (and so in the
// URL), a load's findings computed with older settings never overwrite newer ones, and the slice helpers
// build the CLI's config shape.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../src/app/state/actions.ts';
import { withRuleEnabled, withSeverity, withThreshold } from '../../../src/app/state/lint-slice.ts';
import { createStore } from '../../../src/app/state/store.ts';
import type { TraceWorker } from '../../../src/app/worker-client.ts';
import type { LintOptions } from '../../../src/core/lint/config.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

/** The worker API parts these flows use; `findingsDelayMs` holds the first findings answer back. */
function fakeWorker(store: TraceStore, firstFindingsDelayMs = 0): TraceWorker {
  let numFindings = 0;
  const later = <T>(value: T, ms = 0) => new Promise<T>((ok) => setTimeout(() => ok(value), ms));
  const api = {
    load: (files: Parameters<TraceStore['load']>[0]) => store.load(files),
    clear: () => later(store.clear()),
    inputs: () => later(store.inputs()),
    traces: () => later(store.traceList()),
    waterfall: (traceId: string) => later(store.waterfall(traceId)),
    visibleRows: (traceId: string, collapsed: number[] | 'all') => later(store.visibleRows(traceId, collapsed)),
    findings: (options?: LintOptions) => later(store.findingsForPage(options), numFindings++ === 0 ? firstFindingsDelayMs : 0),
    findingRowSeverities: (traceId: string, options?: LintOptions) => later(store.findingRowSeverities(traceId, options)),
    firstServiceScores: (maxServices: number) => store.firstServiceScores(maxServices),
    lintProgress: () => later(store.lintProgress()),
  };
  return api as unknown as TraceWorker;
}

function clientRoot(): string {
  const w = new SdkWorld(41);
  w.span('batch', { name: 'sync', kind: SpanKind.CLIENT, startMs: 0, endMs: 10 });
  return w.otlpJson();
}

describe('lint settings flow', () => {
  it('re-lints with new settings and reports what the worker ignored', async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore()), store);
    await actions.loadFiles([{ name: 'a.json', data: clientRoot() }], 'user');
    expect(store.getState().findings.map((f) => f.rule)).toContain('root-is-client');
    expect(store.getState().thresholds.map((t) => t.key)).toContain('trace-too-large.maxSpans');
    await actions.setLintOptions({ disable: ['root-is-client', 'no-such-rule'] });
    expect(store.getState().findings.map((f) => f.rule)).not.toContain('root-is-client');
    expect(store.getState().lintOptions).toEqual({ disable: ['root-is-client', 'no-such-rule'] });
    expect(store.getState().lintErrors).toEqual(['disable: unknown rule "no-such-rule"']);
    const score = await actions.firstServiceScores(10);
    expect(score.overall.rules.find((r) => r.id === 'SPA-004')!.status).toBe('fail');
  });

  it("drops a load's findings that arrive after newer settings were applied", async () => {
    const store = createStore();
    const actions = createActions(fakeWorker(new TraceStore(), 30), store);
    const loading = actions.loadFiles([{ name: 'a.json', data: clientRoot() }], 'user');
    await new Promise((ok) => setTimeout(ok, 10));
    await actions.setLintOptions({ disable: ['root-is-client'] });
    await loading;
    expect(store.getState().findings.length).toBeGreaterThan(0);
    expect(store.getState().findings.map((f) => f.rule)).not.toContain('root-is-client');
  });

  it('builds options in the config shape', () => {
    let o: LintOptions = {};
    o = withRuleEnabled(o, 'b-rule', false);
    o = withRuleEnabled(o, 'a-rule', false);
    o = withRuleEnabled(o, 'b-rule', true);
    o = withSeverity(withSeverity(o, 'x', 'error'), 'y', 'info');
    o = withSeverity(o, 'y', null);
    o = withThreshold(withThreshold(o, 'trace-too-large.maxSpans', 5), 'span-very-long.maxMs', 1);
    o = withThreshold(o, 'span-very-long.maxMs', null);
    expect(o).toEqual({ disable: ['a-rule'], severity: { x: 'error' }, thresholds: { 'trace-too-large.maxSpans': 5 } });
  });
});
