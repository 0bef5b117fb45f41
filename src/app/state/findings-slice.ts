// Lint findings of everything loaded, the rules' explanations, per-row lookups for badges, and the
// findings panel's filter and which side tab is showing.
import type { StateCreator } from 'zustand';
import type { Finding, RuleMeta, Severity } from '../../core/lint/types.ts';
import type { FindingsSummary } from '../../core/lint/findings-index.ts';
import type { Store } from './store.ts';

export type SideTab = 'inputs' | 'findings' | 'score';

export interface FindingsValues {
  /** Up to the worker's per-rule cap of each rule's findings (counts are in `findingsSummary`). */
  readonly findings: readonly Finding[];
  /** Complete counts: in total, per rule by severity, per trace. */
  readonly findingsSummary: FindingsSummary;
  readonly rules: Readonly<Record<string, RuleMeta>>;
  /** The open trace's rows' highest finding severity (-1 none, 0 info, 1 warning, 2 error), from the worker. */
  readonly findingRowSeverity: { readonly traceId: string; readonly rows: Int8Array } | null;
  /** traceId → number of findings. */
  readonly findingsPerTrace: ReadonlyMap<string, number>;
  readonly findingsMinSeverity: Severity;
  readonly sideTab: SideTab;
}

export interface FindingsActions {
  /** The worker's capped findings and its complete counts (core/lint/findings-index.ts). */
  findingsReceived(findings: readonly Finding[], rules: readonly RuleMeta[], summary: FindingsSummary): void;
  findingsCleared(): void;
  findingRowsReceived(traceId: string, rows: Int8Array): void;
  findingsFiltered(minSeverity: Severity): void;
  sideTabChosen(tab: SideTab): void;
}

export type FindingsSlice = FindingsValues & FindingsActions;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const EMPTY_SUMMARY: FindingsSummary = { total: 0, byRule: [], perTrace: [] };

export const FINDINGS_DEFAULTS: FindingsValues = {
  findings: [], findingsSummary: EMPTY_SUMMARY, rules: {}, findingRowSeverity: null, findingsPerTrace: new Map(), findingsMinSeverity: 'info', sideTab: 'inputs',
};

const SEVERITY_OF_RANK: readonly Severity[] = ['info', 'warning', 'error'];

/** The severity badge of a row of the open trace, if it has findings. */
export function rowSeverity(s: Pick<FindingsValues, 'findingRowSeverity'>, traceId: string, row: number): Severity | undefined {
  const f = s.findingRowSeverity;
  return f && f.traceId === traceId ? SEVERITY_OF_RANK[f.rows[row] ?? -1] : undefined;
}

export const createFindingsSlice: StateCreator<Store, [], [], FindingsSlice> = (set) => ({
  ...FINDINGS_DEFAULTS,
  findingsReceived: (findings, rules, summary) =>
    set({ findings, findingsSummary: summary, rules: Object.fromEntries(rules.map((r) => [r.id, r])), findingsPerTrace: new Map(summary.perTrace), findingRowSeverity: null }),
  findingsCleared: () => set({ findings: [], findingsSummary: EMPTY_SUMMARY, findingsPerTrace: new Map(), findingRowSeverity: null }),
  findingRowsReceived: (traceId, rows) => set({ findingRowSeverity: { traceId, rows } }),
  findingsFiltered: (findingsMinSeverity) => set({ findingsMinSeverity }),
  sideTabChosen: (sideTab) => set({ sideTab }),
});

export function atLeast(s: Severity, min: Severity): boolean {
  return RANK[s] >= RANK[min];
}
