// The lint settings the user chose (the CLI's tracelens.config.json shape, kept in the URL hash), what the
// worker said about them, the thresholds it offers, and whether the settings dialog is open.
import type { StateCreator } from 'zustand';
import type { LintOptions } from '../../core/lint/config.ts';
import type { ThresholdDef } from '../../core/lint/thresholds.ts';
import type { Store } from './store.ts';

export interface LintValues {
  readonly lintOptions: LintOptions;
  /** The worker's complaints about lintOptions (unknown rule, bad value); those parts are ignored. */
  readonly lintErrors: readonly string[];
  readonly thresholds: readonly ThresholdDef[];
  readonly lintSettingsOpen: boolean;
}

export interface LintActions {
  lintOptionsSet(options: LintOptions): void;
  lintAnswered(errors: readonly string[], thresholds: readonly ThresholdDef[]): void;
  lintSettingsOpened(open: boolean): void;
}

export type LintSlice = LintValues & LintActions;

export const LINT_DEFAULTS: LintValues = { lintOptions: {}, lintErrors: [], thresholds: [], lintSettingsOpen: false };

export const createLintSlice: StateCreator<Store, [], [], LintSlice> = (set) => ({
  ...LINT_DEFAULTS,
  lintOptionsSet: (lintOptions) => set({ lintOptions }),
  lintAnswered: (lintErrors, thresholds) => set({ lintErrors, thresholds }),
  lintSettingsOpened: (lintSettingsOpen) => set({ lintSettingsOpen }),
});

/** Options with one rule switched on or off. */
export function withRuleEnabled(options: LintOptions, rule: string, enabled: boolean): LintOptions {
  const disable = new Set(options.disable ?? []);
  if (enabled) disable.delete(rule);
  else disable.add(rule);
  return { ...options, disable: [...disable].sort() };
}

/** Options with a rule's severity overridden, or back to its default (null). */
export function withSeverity(options: LintOptions, rule: string, level: string | null): LintOptions {
  const severity = { ...options.severity };
  if (level === null) delete severity[rule];
  else severity[rule] = level;
  return { ...options, severity };
}

/** Options with a threshold set, or back to its default (null). */
export function withThreshold(options: LintOptions, key: string, value: number | null): LintOptions {
  const thresholds = { ...options.thresholds };
  if (value === null) delete thresholds[key];
  else thresholds[key] = value;
  return { ...options, thresholds };
}
