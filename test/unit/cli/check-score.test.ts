// `tracelens check` reports the Instrumentation Score: a JSON field beside the existing ones, a text section.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InstrumentationScore } from '../../../src/core/score/instrumentation-score.ts';
import { runCli } from '../../support/cli.ts';

const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/otlp/sdk-2.x/${name}`, import.meta.url));

/** The demo without storefront's resource: cart's and payments' servers lose their CLIENT parents (SPA-002). */
function withoutStorefront(): string {
  const full = JSON.parse(readFileSync(fixturePath('checkout-four-services.json'), 'utf8'));
  full.resourceSpans = full.resourceSpans.filter((rs: { resource: { attributes: Array<{ value: { stringValue?: string } }> } }) =>
    !rs.resource.attributes.some((a) => a.value.stringValue === 'storefront'));
  return JSON.stringify(full);
}

describe('tracelens check: instrumentation score', () => {
  it('adds instrumentationScore to the JSON report, unaffected by --disable', async () => {
    const { code, stdout } = await runCli(['check', '-', '--json', '--disable', 'orphan-span'], withoutStorefront());
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: Array<{ rule: string }>; instrumentationScore: InstrumentationScore; traces: unknown[] };
    expect(report.traces.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.rule)).not.toContain('orphan-span');
    const byService = Object.fromEntries(report.instrumentationScore.services.map((s) => [s.service, s.rules.find((r) => r.id === 'SPA-002')!.status]));
    expect(byService).toEqual({ cart: 'fail', payments: 'fail', fulfillment: 'pass' });
    // every evaluated rule but SPA-002 (Normal 20) passes: 230 of 250
    expect(report.instrumentationScore.services.find((s) => s.service === 'cart')!.score).toBe(92);
  });

  it('prints a score section in the text report', async () => {
    const { stdout } = await runCli(['check', '-'], withoutStorefront());
    expect(stdout).toMatch(/Instrumentation Score \(trace rules; SDK-001, LOG-\*, MET-\* not covered\)/);
    expect(stdout).toMatch(/ {2}cart: 92 Excellent {2}failed SPA-002 {2}not evaluable RES-003/);
    expect(stdout).toMatch(/ {2}fulfillment: 100 Excellent/);
  });
});
