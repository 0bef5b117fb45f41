// The app's lint settings in the URL hash, next to `trace`/`span`: `lint.disable=a,b`,
// `lint.sev=rule:level,…`, `lint.t=rule.name:value,…`. The shape is the CLI's tracelens.config.json
// (LintOptions); the worker validates rule ids and threshold names, so here only the syntax is checked and
// anything malformed is dropped rather than passed on.
import type { LintOptions } from '../core/lint/config.ts';

const RULE = /^[a-z0-9][a-z0-9-]{0,80}$/;
const THRESHOLD_KEY = /^[a-z0-9][a-z0-9-]{0,80}\.[A-Za-z][A-Za-z0-9]{0,40}$/;
const LEVELS = new Set(['error', 'warning', 'info']);

const list = (params: URLSearchParams, key: string): string[] => (params.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 200);

/** Splits `name:value` at the last colon. */
const pair = (item: string): [string, string] => {
  const at = item.lastIndexOf(':');
  return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
};

export function readLintOptions(hash: string): LintOptions {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const disable = [...new Set(list(params, 'lint.disable').filter((id) => RULE.test(id)))];
  const severity: Record<string, string> = {};
  for (const [id, level] of list(params, 'lint.sev').map(pair)) if (RULE.test(id) && LEVELS.has(level)) severity[id] = level;
  const thresholds: Record<string, number> = {};
  for (const [key, raw] of list(params, 'lint.t').map(pair)) {
    const value = Number(raw);
    if (THRESHOLD_KEY.test(key) && raw !== '' && Number.isFinite(value)) thresholds[key] = value;
  }
  return {
    ...(disable.length ? { disable } : {}),
    ...(Object.keys(severity).length ? { severity } : {}),
    ...(Object.keys(thresholds).length ? { thresholds } : {}),
  };
}

/** The hash parameters for the options, in a stable order; none for default options. */
export function lintParams(options: LintOptions): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const disable = [...(options.disable ?? [])].sort();
  if (disable.length) out.push(['lint.disable', disable.join(',')]);
  const sev = Object.entries(options.severity ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (sev.length) out.push(['lint.sev', sev.map(([id, level]) => `${id}:${level}`).join(',')]);
  const t = Object.entries(options.thresholds ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (t.length) out.push(['lint.t', t.map(([key, value]) => `${key}:${value}`).join(',')]);
  return out;
}

export function isDefaultLintOptions(options: LintOptions): boolean {
  return lintParams(options).length === 0;
}
