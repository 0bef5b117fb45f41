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
  /**
   * The findings of what is loaded are being computed (a load ended, a first look is shown, the lint settings
   * changed): what is shown, if anything, is not their answer yet.
   */
  readonly findingsPending: boolean;
  /** How far the worker's lint has got while findings are pending (0 to 1), null before it says. */
  readonly lintProgress: number | null;
  readonly sideTab: SideTab;
}

export interface FindingsActions {
  /** The worker's capped findings and its complete counts (core/lint/findings-index.ts). */
  findingsReceived(findings: readonly Finding[], rules: readonly RuleMeta[], summary: FindingsSummary): void;
  findingsCleared(): void;
  /**
   * The findings of what is loaded now were asked for (or will be, once a load running ends); `dropShown`
   * drops those shown meanwhile (they were of data no longer loaded).
   */
  findingsRequested(dropShown?: boolean): void;
  /** Their answer will not come (the worker failed). */
  findingsAbandoned(): void;
  lintProgressed(fraction: number | null): void;
  findingRowsReceived(traceId: string, rows: Int8Array): void;
  findingsFiltered(minSeverity: Severity): void;
  sideTabChosen(tab: SideTab): void;
}

export type FindingsSlice = FindingsValues & FindingsActions;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const EMPTY_SUMMARY: FindingsSummary = { total: 0, byRule: [], perTrace: [] };

export const FINDINGS_DEFAULTS: FindingsValues = {
  findings: [], findingsSummary: EMPTY_SUMMARY, rules: {}, findingRowSeverity: null, findingsPerTrace: new Map(), findingsMinSeverity: 'info', findingsPending: false, lintProgress: null, sideTab: 'inputs',
};

/** What the store holds when no findings are known (the empty map is never changed: the store's maps are replaced). */
const NO_FINDINGS = { findings: [], findingsSummary: EMPTY_SUMMARY, findingsPerTrace: new Map<string, number>(), findingRowSeverity: null, lintProgress: null } satisfies Partial<FindingsValues>;

const SEVERITY_OF_RANK: readonly Severity[] = ['info', 'warning', 'error'];

/** The severity badge of a row of the open trace, if it has findings. */
export function rowSeverity(s: Pick<FindingsValues, 'findingRowSeverity'>, traceId: string, row: number): Severity | undefined {
  const f = s.findingRowSeverity;
  return f && f.traceId === traceId ? SEVERITY_OF_RANK[f.rows[row] ?? -1] : undefined;
}

export const createFindingsSlice: StateCreator<Store, [], [], FindingsSlice> = (set) => ({
  ...FINDINGS_DEFAULTS,
  findingsReceived: (findings, rules, summary) =>
    set({ findings, findingsSummary: summary, rules: Object.fromEntries(rules.map((r) => [r.id, r])), findingsPerTrace: new Map(summary.perTrace), findingRowSeverity: null, findingsPending: false, lintProgress: null }),
  findingsCleared: () => set({ ...NO_FINDINGS, findingsPending: false }),
  findingsRequested: (dropShown = false) => set(dropShown ? { ...NO_FINDINGS, findingsPending: true } : { findingsPending: true, lintProgress: null }),
  findingsAbandoned: () => set({ findingsPending: false, lintProgress: null }),
  lintProgressed: (lintProgress) => set({ lintProgress }),
  findingRowsReceived: (traceId, rows) => set({ findingRowSeverity: { traceId, rows } }),
  findingsFiltered: (findingsMinSeverity) => set({ findingsMinSeverity }),
  sideTabChosen: (sideTab) => set({ sideTab }),
});

export function atLeast(s: Severity, min: Severity): boolean {
  return RANK[s] >= RANK[min];
}
