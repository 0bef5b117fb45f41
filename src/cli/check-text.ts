// The readable summary of `tracelens check`: inputs, traces, and findings grouped by rule.
import type { CheckReport } from '../core/report.ts';
import { groupBy } from '../core/group-by.ts';
import { renderScoreText } from './score-text.ts';

export function renderCheckText(report: CheckReport): string {
  const out: string[] = [];
  for (const i of report.inputs) {
    out.push(`${i.file}: ${i.format}, ${i.spans} span${i.spans === 1 ? '' : 's'}`);
    for (const e of i.errors) out.push(`  ${e.severity}: ${e.message} (${e.where})`);
  }
  out.push('', `${report.traces.length} trace${report.traces.length === 1 ? '' : 's'}`);
  for (const t of report.traces) {
    const notes = [t.rootSpanIds.length > 1 ? `${t.rootSpanIds.length} roots` : '', t.orphanSpanIds.length ? `${t.orphanSpanIds.length} orphans` : '', t.errorCount ? `${t.errorCount} errors` : ''].filter(Boolean);
    out.push(`  ${t.traceId}  ${t.rootName} [${serviceList(t.services)}] ${t.spanCount} spans ${t.durationMs.toFixed(1)}ms${notes.length ? `  (${notes.join(', ')})` : ''}`);
  }
  out.push('');
  if (report.findings.length === 0) out.push('no findings');
  else {
    // Grouped once (a copy of the rule's list per finding made 259k findings take minutes to print).
    const byRule = groupBy(report.findings, (f) => f.rule);
    out.push(`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`);
    for (const [rule, list] of byRule) {
      out.push(`  ${rule} (${list[0]!.severity}) ×${list.length}`);
      for (const f of list.slice(0, 20)) out.push(`    ${f.severity} ${f.traceId.slice(0, 8)}…/${f.spanId || '-'}: ${f.message}`);
      if (list.length > 20) out.push(`    … and ${list.length - 20} more`);
    }
  }
  if (report.instrumentationScore) out.push('', ...renderScoreText(report.instrumentationScore));
  return `${out.join('\n')}\n`;
}

/**
 * How many of a trace's services its line names: a trace through 20,001 services printed them all on one
 * line of 200 KB. The JSON report (`--json`) keeps every one.
 */
export const MAX_SERVICES_SHOWN = 8;

function serviceList(services: readonly string[]): string {
  if (services.length <= MAX_SERVICES_SHOWN) return services.join(', ');
  return `${services.slice(0, MAX_SERVICES_SHOWN).join(', ')}, … ${(services.length - MAX_SERVICES_SHOWN).toLocaleString('en-US')} more`;
}
