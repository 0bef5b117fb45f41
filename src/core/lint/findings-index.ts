// One pass over a run's findings for the places that read them in other shapes: counts per rule by severity
// and per trace (the page's badges and panel), the first few of each rule (what the page can hold), and each
// trace's findings (row badges, a span's findings) without scanning every finding again per question.
import type { Finding } from './types.ts';

export interface RuleCount {
  readonly rule: string;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** How many of them are in the capped list. */
  readonly shown: number;
}

export interface FindingsSummary {
  readonly total: number;
  readonly byRule: readonly RuleCount[];
  readonly perTrace: ReadonlyArray<readonly [traceId: string, count: number]>;
}

export const EMPTY_SUMMARY: FindingsSummary = { total: 0, byRule: [], perTrace: [] };

export class FindingsIndex {
  readonly summary: FindingsSummary;
  /** At most `perRuleCap` findings of each rule, in run order. */
  readonly capped: readonly Finding[];
  private readonly byTrace = new Map<string, Finding[]>();

  constructor(findings: readonly Finding[], perRuleCap: number) {
    const byRule = new Map<string, { rule: string; error: number; warning: number; info: number; shown: number }>();
    const capped: Finding[] = [];
    for (const f of findings) {
      let c = byRule.get(f.rule);
      if (!c) byRule.set(f.rule, (c = { rule: f.rule, error: 0, warning: 0, info: 0, shown: 0 }));
      c[f.severity]++;
      if (c.shown < perRuleCap) {
        c.shown++;
        capped.push(f);
      }
      if (f.traceId === '') continue;
      const list = this.byTrace.get(f.traceId);
      if (list) list.push(f);
      else this.byTrace.set(f.traceId, [f]);
    }
    this.capped = capped;
    this.summary = { total: findings.length, byRule: [...byRule.values()], perTrace: [...this.byTrace].map(([traceId, list]) => [traceId, list.length] as const) };
  }

  ofTrace(traceId: string): readonly Finding[] {
    return this.byTrace.get(traceId) ?? [];
  }
}
