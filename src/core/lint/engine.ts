// Runs rules over an assembled dataset. Rules are small pure modules; the engine applies configuration
// (disabled rules, severity overrides, thresholds) and stamps each finding with its rule's id and category.
import type { Dataset } from '../model/assemble.ts';
import type { Finding, LintConfig, Rule, RuleContext, Severity } from './types.ts';

export const DEFAULT_CONFIG: LintConfig = {
  disabled: new Set(),
  severity: new Map(),
  thresholds: {},
  nowMs: Date.now(),
};

const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(s: Severity, min: Severity): boolean {
  return SEVERITY_ORDER[s] >= SEVERITY_ORDER[min];
}

export function runLint(ds: Dataset, rules: readonly Rule[], config: LintConfig = DEFAULT_CONFIG): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (config.disabled.has(rule.meta.id)) continue;
    const override = config.severity.get(rule.meta.id);
    const thresholds = new Map<string, number | undefined>();
    const ctx: RuleContext = {
      ds,
      config,
      threshold: (name, fallback) => {
        // Span rules ask for their thresholds once per span: look each name up once per run.
        let value = thresholds.get(name);
        if (value === undefined) thresholds.set(name, (value = config.thresholds[`${rule.meta.id}.${name}`]));
        return value ?? fallback;
      },
      report: (f) =>
        findings.push({ ...f, rule: rule.meta.id, category: rule.meta.category, severity: override ?? f.severity ?? rule.meta.severity }),
    };
    switch (rule.scope) {
      case 'span':
        for (const trace of ds.traces) {
          for (let row = 0; row < trace.numRows; row++) {
            const spanIdx = trace.spanIdx[row]!;
            rule.check(ds.spans[spanIdx]!, { trace, row, spanIdx }, ctx);
          }
        }
        break;
      case 'trace':
        for (const trace of ds.traces) rule.check(trace, ctx);
        break;
      case 'dataset':
        rule.check(ctx);
        break;
      default: {
        const never: never = rule;
        throw new Error(`unknown rule scope ${String(never)}`);
      }
    }
  }
  return findings;
}
