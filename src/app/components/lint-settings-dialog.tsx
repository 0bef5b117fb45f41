// The lint settings dialog: switch rules off, override a rule's severity, set thresholds. Each change
// re-lints in the worker at once and lands in the URL hash (lint-url.ts); the shape is the CLI's
// tracelens.config.json. Escape or the Close button closes it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ThresholdDef } from '../../core/lint/thresholds.ts';
import { useActions } from '../actions-context.ts';
import { withRuleEnabled, withSeverity, withThreshold } from '../state/lint-slice.ts';
import { useStore } from '../state/store.ts';

/** Remounted (by key) whenever the applied value changes, so the draft always starts from it. */
function ThresholdInput({ def, value, onCommit }: { def: ThresholdDef; value: number | undefined; onCommit: (v: number | null) => void }) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const commit = (): void => {
    const v = draft.trim() === '' ? null : Number(draft);
    if (v === null || Number.isFinite(v)) onCommit(v);
  };
  return (
    <input
      type="number"
      data-testid="lint-threshold"
      data-key={def.key}
      aria-label={`${def.key} (${def.unit}), default ${def.defaultValue}`}
      placeholder={String(def.defaultValue)}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function LintSettingsDialog() {
  const actions = useActions();
  const isOpen = useStore((s) => s.lintSettingsOpen);
  const options = useStore((s) => s.lintOptions);
  const rules = useStore((s) => s.rules);
  const thresholds = useStore((s) => s.thresholds);
  const errors = useStore((s) => s.lintErrors);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isOpen) filterRef.current?.focus();
  }, [isOpen]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return Object.values(rules).filter((r) => needle === '' || `${r.id} ${r.category}`.includes(needle)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }, [rules, filter]);
  if (!isOpen) return null;
  const close = (): void => useStore.getState().lintSettingsOpened(false);
  const disabled = new Set(options.disable ?? []);
  const apply = (next: typeof options): void => void actions.setLintOptions(next);
  return (
    <div className="lint-settings-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="lint-settings" role="dialog" aria-modal="true" aria-label="Lint settings" data-testid="lint-settings" onKeyDown={(e) => e.key === 'Escape' && close()}>
        <div className="findings-filter">
          <strong>Lint settings</strong>
          <input ref={filterRef} type="search" className="findings-search" data-testid="lint-settings-filter" placeholder="filter rules" aria-label="filter rules" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" className="button small" data-testid="lint-settings-reset" onClick={() => apply({})}>Reset all</button>
          <button type="button" className="button small primary" data-testid="lint-settings-close" onClick={close}>Close</button>
        </div>
        {errors.length ? <ul className="lint-errors">{errors.map((e) => <li key={e}>{e} (ignored)</li>)}</ul> : null}
        <div className="lint-settings-body">
          <table>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-testid="lint-rule" data-rule={r.id}>
                  <td>
                    <label>
                      <input type="checkbox" data-testid="lint-rule-toggle" checked={!disabled.has(r.id)} onChange={(e) => apply(withRuleEnabled(options, r.id, e.target.checked))} /> <span className="finding-rule">{r.id}</span>
                    </label>
                  </td>
                  <td className="muted">{r.category}</td>
                  <td>
                    <select data-testid="lint-rule-severity" aria-label={`severity of ${r.id}`} value={options.severity?.[r.id] ?? ''} onChange={(e) => apply(withSeverity(options, r.id, e.target.value || null))}>
                      <option value="">default ({r.severity})</option>
                      <option value="error">error</option>
                      <option value="warning">warning</option>
                      <option value="info">info</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <tbody>
              {thresholds.filter((t) => filter.trim() === '' || t.key.includes(filter.trim().toLowerCase())).map((t) => (
                <tr key={t.key}>
                  <td className="finding-rule">{t.key}</td>
                  <td>
                    <ThresholdInput key={`${t.key}=${String(options.thresholds?.[t.key] ?? '')}`} def={t} value={options.thresholds?.[t.key] === undefined ? undefined : Number(options.thresholds[t.key])} onCommit={(v) => apply(withThreshold(options, t.key, v))} />
                  </td>
                  <td className="muted">{t.unit}: {t.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
