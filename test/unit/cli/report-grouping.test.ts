// The text and JUnit reports group findings by rule: every finding is counted under its rule, in the
// order the linter gave them, and each suite counts the failures of its own rules.
import { describe, expect, it } from 'vitest';
import { SpanKind } from '@opentelemetry/api';
import { MAX_SERVICES_SHOWN, renderCheckText } from '../../../src/cli/check-text.ts';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { buildReport } from '../../../src/core/report.ts';
import { writeJunit } from '../../../src/core/report-junit.ts';
import { writtenText } from '../../../src/core/text-pieces.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const { world, spans } = generateSpans(3000, 100, 17);
const ds = loadDataset([{ name: 'sdk.pb', bytes: world.otlpProto(spans) }]);
const report = buildReport(ds);
report.findings = runLint(ds, ALL_RULES); // as tracelens check reports them
const rules = [...new Set(report.findings.map((f) => f.rule))];
const ofRule = (rule: string) => report.findings.filter((f) => f.rule === rule);

describe('findings grouped by rule', () => {
  it('the text report counts each rule\'s findings and lists its first 20 in order', () => {
    expect(rules.length).toBeGreaterThan(3);
    expect(rules.some((r) => ofRule(r).length > 20)).toBe(true);
    const text = renderCheckText(report);
    for (const rule of rules) {
      const mine = ofRule(rule);
      const at = text.indexOf(`\n  ${rule} (${mine[0]!.severity}) ×${mine.length}\n`);
      expect(at, rule).toBeGreaterThan(0);
      const lines = text.slice(at).split('\n').slice(2, 2 + Math.min(20, mine.length));
      expect(lines).toEqual(mine.slice(0, 20).map((f) => `    ${f.severity} ${f.traceId.slice(0, 8)}…/${f.spanId || '-'}: ${f.message}`));
    }
  });

  it('the JUnit report puts each finding under its rule and counts failures per suite', () => {
    const metas = ALL_RULES.map((r) => r.meta);
    const xml = writtenText((write) => writeJunit(report.findings, metas, write));
    for (const category of new Set(metas.map((m) => m.category))) {
      const ids = new Set(metas.filter((m) => m.category === category).map((m) => m.id));
      const failures = report.findings.filter((f) => ids.has(f.rule) && f.severity !== 'info').length;
      expect(xml, category).toContain(`<testsuite name="${category}" tests="${ids.size}" failures="${failures}">`);
    }
    for (const rule of rules) {
      const start = xml.indexOf(`name="${rule}">`);
      const body = xml.slice(start, xml.indexOf('</testcase>', start));
      const entries = body.split('\n').filter((l) => l.includes('<failure') || l.includes('<system-out>'));
      expect(entries, rule).toHaveLength(ofRule(rule).length);
    }
  });

  it('a trace line names its first services and counts the rest; the JSON report keeps them all', () => {
    const w = new SdkWorld(41);
    const root = w.start('gateway', { name: 'fan out', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 30; i++) w.span(`svc-${String(i).padStart(2, '0')}`, { name: 'work', startMs: 1, endMs: 2 }, root);
    root.end([1714564800, 5_000_000]);
    const wide = buildReport(loadDataset([{ name: 'wide.json', bytes: new TextEncoder().encode(w.otlpJson()) }]));
    const services = wide.traces[0]!.services;
    expect(services).toHaveLength(31);
    const line = renderCheckText(wide).split('\n').find((l) => l.includes('fan out'))!;
    expect(line).toContain(`[${services.slice(0, MAX_SERVICES_SHOWN).join(', ')}, … ${31 - MAX_SERVICES_SHOWN} more] 31 spans`);
  });
});
