// Findings as JUnit XML, for CI systems that show test reports: one testsuite per rule family, one
// testcase per rule, a failure per finding at error or warning level.
import type { ReportFinding } from './report.ts';
import { groupBy } from './group-by.ts';
import { PieceWriter, type Write } from './text-pieces.ts';

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

type RuleList = ReadonlyArray<{ id: string; category: string }>;

/** The JUnit document, written in pieces (see text-pieces.ts): the findings of a million spans are more text than one string holds. */
export function writeJunit(findings: readonly ReportFinding[], rules: RuleList, write: Write): void {
  const byCategory = groupBy(rules, (r) => r.category);
  // Findings by rule, gathered once: a pass over every finding per rule and per category grew with both.
  const byRule = groupBy(findings, (f) => f.rule);
  const writer = new PieceWriter(write);
  const line = (text: string): void => writer.put(`${text}\n`);
  line('<?xml version="1.0" encoding="UTF-8"?>');
  const numFailures = findings.filter((f) => f.severity !== 'info').length;
  line(`<testsuites name="tracelens" tests="${rules.length}" failures="${numFailures}">`);
  for (const [category, list] of byCategory) {
    const numSuiteFailures = list.reduce((n, r) => n + (byRule.get(r.id) ?? []).filter((f) => f.severity !== 'info').length, 0);
    line(`  <testsuite name="${escapeXml(category)}" tests="${list.length}" failures="${numSuiteFailures}">`);
    for (const r of list) {
      const mine = byRule.get(r.id) ?? [];
      line(`    <testcase classname="tracelens.${escapeXml(category)}" name="${escapeXml(r.id)}">`);
      for (const f of mine) {
        const text = `${f.severity} ${f.rule} trace ${f.traceId} span ${f.spanId}: ${f.message}`;
        line(f.severity === 'info' ? `      <system-out>${escapeXml(text)}</system-out>` : `      <failure type="${f.severity}" message="${escapeXml(f.message)}">${escapeXml(text)}</failure>`);
      }
      line('    </testcase>');
    }
    line('  </testsuite>');
  }
  line('</testsuites>');
  writer.end();
}
