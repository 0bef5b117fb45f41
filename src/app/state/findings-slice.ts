// Lint findings of everything loaded, the rules' explanations, per-row lookups for badges, and the
// findings panel's filter and which side tab is showing.
import type { StateCreator } from 'zustand';
import type { Finding, RuleMeta, Severity } from '../../core/lint/types.ts';
import type { Store } from './store.ts';

export type SideTab = 'inputs' | 'findings' | 'score';

export interface FindingsValues {
  readonly findings: readonly Finding[];
  readonly rules: Readonly<Record<string, RuleMeta>>;
  /** traceId → row → the highest severity of that row's findings. */
  readonly findingRows: ReadonlyMap<string, ReadonlyMap<number, Severity>>;
  /** traceId → number of findings. */
  readonly findingsPerTrace: ReadonlyMap<string, number>;
  readonly findingsMinSeverity: Severity;
  readonly sideTab: SideTab;
}

export interface FindingsActions {
  findingsReceived(findings: readonly Finding[], rules: readonly RuleMeta[]): void;
  findingsFiltered(minSeverity: Severity): void;
  sideTabChosen(tab: SideTab): void;
}

export type FindingsSlice = FindingsValues & FindingsActions;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const FINDINGS_DEFAULTS: FindingsValues = {
  findings: [], rules: {}, findingRows: new Map(), findingsPerTrace: new Map(), findingsMinSeverity: 'info', sideTab: 'inputs',
};

function index(findings: readonly Finding[]) {
  const rows = new Map<string, Map<number, Severity>>();
  const perTrace = new Map<string, number>();
  for (const f of findings) {
    perTrace.set(f.traceId, (perTrace.get(f.traceId) ?? 0) + 1);
    if (f.row === undefined) continue;
    let m = rows.get(f.traceId);
    if (!m) rows.set(f.traceId, (m = new Map()));
    const prev = m.get(f.row);
    if (!prev || RANK[f.severity] > RANK[prev]) m.set(f.row, f.severity);
  }
  return { findingRows: rows, findingsPerTrace: perTrace };
}

export const createFindingsSlice: StateCreator<Store, [], [], FindingsSlice> = (set) => ({
  ...FINDINGS_DEFAULTS,
  findingsReceived: (findings, rules) => set({ findings, rules: Object.fromEntries(rules.map((r) => [r.id, r])), ...index(findings) }),
  findingsFiltered: (findingsMinSeverity) => set({ findingsMinSeverity }),
  sideTabChosen: (sideTab) => set({ sideTab }),
});

export function atLeast(s: Severity, min: Severity): boolean {
  return RANK[s] >= RANK[min];
}
