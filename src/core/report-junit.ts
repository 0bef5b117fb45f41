// Findings as JUnit XML, for CI systems that show test reports: one testsuite per rule family, one
// testcase per rule, a failure per finding at error or warning level.
import type { ReportFinding } from './report.ts';

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function findingsToJunit(findings: readonly ReportFinding[], rules: ReadonlyArray<{ id: string; category: string }>): string {
  const byCategory = new Map<string, Array<{ id: string; category: string }>>();
  for (const r of rules) {
    const list = byCategory.get(r.category);
    if (list) list.push(r);
    else byCategory.set(r.category, [r]);
  }
  // Findings by rule, gathered once: a pass over every finding per rule and per category grew with both.
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const numFailures = findings.filter((f) => f.severity !== 'info').length;
  out.push(`<testsuites name="tracelens" tests="${rules.length}" failures="${numFailures}">`);
  for (const [category, list] of byCategory) {
    const numSuiteFailures = list.reduce((n, r) => n + (byRule.get(r.id) ?? []).filter((f) => f.severity !== 'info').length, 0);
    out.push(`  <testsuite name="${escapeXml(category)}" tests="${list.length}" failures="${numSuiteFailures}">`);
    for (const r of list) {
      const mine = byRule.get(r.id) ?? [];
      out.push(`    <testcase classname="tracelens.${escapeXml(category)}" name="${escapeXml(r.id)}">`);
      for (const f of mine) {
        const text = `${f.severity} ${f.rule} trace ${f.traceId} span ${f.spanId}: ${f.message}`;
        out.push(f.severity === 'info' ? `      <system-out>${escapeXml(text)}</system-out>` : `      <failure type="${f.severity}" message="${escapeXml(f.message)}">${escapeXml(text)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
