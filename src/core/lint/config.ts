// Lint configuration from CLI flags and/or tracelens.config.json ({ "disable": [], "severity": {},
// "thresholds": {} }), validated against the known rule ids. Problems are values, not throws.
import { DEFAULT_CONFIG } from './engine.ts';
import { THRESHOLDS_BY_KEY } from './thresholds.ts';
import type { LintConfig, Severity } from './types.ts';

export interface LintOptions {
  readonly disable?: readonly string[];
  readonly severity?: Readonly<Record<string, string>>;
  readonly thresholds?: Readonly<Record<string, number | string>>;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

export function buildLintConfig(options: readonly LintOptions[], knownRules: ReadonlySet<string>, nowMs = Date.now()): { config: LintConfig; errors: string[] } {
  const errors: string[] = [];
  const disabled = new Set<string>();
  const severity = new Map<string, Severity>();
  const thresholds: Record<string, number> = {};
  const known = (id: string, where: string): boolean => {
    if (knownRules.has(id)) return true;
    errors.push(`${where}: unknown rule "${id}"`);
    return false;
  };
  for (const o of options) {
    for (const id of o.disable ?? []) if (known(id, 'disable')) disabled.add(id);
    for (const [id, level] of Object.entries(o.severity ?? {})) {
      if (!known(id, 'severity')) continue;
      if (SEVERITIES.has(level)) severity.set(id, level as Severity);
      else errors.push(`severity: "${level}" for ${id} is not error, warning or info`);
    }
    for (const [key, raw] of Object.entries(o.thresholds ?? {})) {
      const id = key.slice(0, key.lastIndexOf('.'));
      const value = typeof raw === 'number' ? raw : Number(raw);
      if (!known(id, 'threshold')) continue;
      if (!THRESHOLDS_BY_KEY.has(key)) errors.push(`threshold: ${id} has no threshold "${key.slice(id.length + 1)}"`);
      else if (Number.isFinite(value)) thresholds[key] = value;
      else errors.push(`threshold: ${key}=${String(raw)} is not a number`);
    }
  }
  return { config: { ...DEFAULT_CONFIG, disabled, severity, thresholds, nowMs }, errors };
}
