// The findings panel: lint findings grouped by rule with severity and count, filterable by severity, category
// and text; each rule shows its one-sentence lesson (expanded: the longer why and its source), each finding
// jumps to its span, and the settings button opens the lint settings dialog.
import { useMemo, useState } from 'react';
import type { Category, Finding, Severity } from '../../core/lint/types.ts';
import { useActions } from '../actions-context.ts';
import { atLeast } from '../state/findings-slice.ts';
import { useStore } from '../state/store.ts';
import { lintProgressText } from '../progress-text.ts';
import { LessonLink } from './lesson-link.tsx';
import { LintSettingsDialog } from './lint-settings-dialog.tsx';
import { SideTabs } from './side-tabs.tsx';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * `total`: the rule's findings at the chosen severity in everything loaded (the store holds only the first
 * few hundred of a rule; with a text or category filter the count is of those held).
 */
function RuleGroup({ rule, findings, total }: { rule: string; findings: readonly Finding[]; total: number }) {
  const actions = useActions();
  const meta = useStore((s) => s.rules[rule]);
  const [isOpen, setOpen] = useState(false);
  const severity = findings[0]!.severity;
  return (
    <li className={`finding-group ${severity}`} data-testid="finding-group" data-rule={rule}>
      <button type="button" className="finding-head" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        <span className={`severity-dot ${severity}`} aria-hidden="true" />
        <span className="finding-rule">{rule}</span>
        <span className="muted small">{meta?.category}</span>
        <span className="badge" data-testid="finding-count">{total.toLocaleString('en-US')}</span>
      </button>
      {meta ? <p className="finding-learn">{meta.learn} <LessonLink rule={rule} /></p> : null}
      {isOpen && meta ? (
        <div className="finding-why" data-testid="finding-why">
          <p>{meta.why}</p>
          <p className="muted small">Source: {meta.source}</p>
        </div>
      ) : null}
      {isOpen ? (
        <ul className="finding-list">
          {findings.slice(0, 500).map((f, findingIdx) => (
            <li key={findingIdx}>
              <button
                type="button"
                className="finding-item"
                data-testid="finding-item"
                onClick={() => void (f.row !== undefined ? actions.jumpTo({ traceId: f.traceId, row: f.row }) : actions.openTrace(f.traceId))}
              >
                <span className="issue-severity">{f.severity}</span> {f.message}
                {f.suggestion && !f.message.includes(f.suggestion) ? <span className="muted"> → {f.suggestion}</span> : null}
              </button>
            </li>
          ))}
          {total > Math.min(findings.length, 500) ? (
            <li className="muted">
              … and {(total - Math.min(findings.length, 500)).toLocaleString('en-US')} more (all of them: Export… → findings, or the CLI)
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

const CATEGORIES: readonly Category[] = ['lifecycle', 'propagation', 'semconv', 'cardinality', 'privacy', 'cost', 'resource'];

/** Whether a finding matches the text filter: its rule id, message, suggestion or ids. */
function matchesText(f: Finding, text: string): boolean {
  return text === '' || [f.rule, f.message, f.suggestion ?? '', f.traceId, f.spanId].some((s) => s.toLowerCase().includes(text));
}

export function FindingsPanel() {
  const findings = useStore((s) => s.findings);
  const summary = useStore((s) => s.findingsSummary);
  const minSeverity = useStore((s) => s.findingsMinSeverity);
  const isPending = useStore((s) => s.findingsPending);
  const progress = useStore((s) => s.lintProgress);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const groups = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!atLeast(f.severity, minSeverity) || (category !== '' && f.category !== category) || !matchesText(f, needle)) continue;
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    const counts = new Map(summary.byRule.map((c) => [c.rule, c]));
    // Without a text filter the count is the rule's complete count at the chosen severity.
    const totalOf = (rule: string, held: number): number => {
      const c = counts.get(rule);
      if (needle !== '' || !c) return held;
      return c.error + (atLeast('warning', minSeverity) ? c.warning : 0) + (atLeast('info', minSeverity) ? c.info : 0);
    };
    const rank = (fs: Finding[]): number => SEVERITIES.indexOf(fs[0]!.severity);
    return [...byRule.entries()]
      .map(([rule, list]) => ({ rule, list, total: Math.max(list.length, totalOf(rule, list.length)) }))
      .sort((a, b) => rank(a.list) - rank(b.list) || b.total - a.total);
  }, [findings, summary, minSeverity, text, category]);
  return (
    <section className="panel inputs-panel" data-testid="findings-panel" aria-label="Findings">
      <SideTabs />
      <div className="findings-filter" role="group" aria-label="minimum severity">
        {SEVERITIES.map((s) => (
          <button key={s} type="button" className={`button small${minSeverity === s ? ' primary' : ''}`} onClick={() => useStore.getState().findingsFiltered(s)}>
            {s === 'info' ? 'all' : `${s}${s === 'warning' ? 's+' : 's'}`}
          </button>
        ))}
        <button type="button" className="button small" data-testid="lint-settings-open" onClick={() => useStore.getState().lintSettingsOpened(true)}>
          Settings…
        </button>
      </div>
      <div className="findings-filter">
        <input type="search" className="findings-search" data-testid="findings-text-filter" placeholder="filter findings" aria-label="filter findings by text" value={text} onChange={(e) => setText(e.target.value)} />
        <select data-testid="findings-category" aria-label="category" value={category} onChange={(e) => setCategory(e.target.value as Category | '')}>
          <option value="">all categories</option>
          {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </div>
      {isPending ? (
        <p className="empty" role="status" data-testid="findings-pending">
          {findings.length === 0 ? 'Checking what is loaded' : 'Checking what is loaded again (the findings below are from before the last change)'}
          {progress === null ? '…' : `: ${lintProgressText(progress)}`}
        </p>
      ) : null}
      {groups.length === 0 ? (
        isPending && findings.length === 0 ? null : (
          <p className="empty">{findings.length === 0 ? 'No findings: nothing Tracelens knows to be wrong in what is loaded.' : 'No findings match these filters.'}</p>
        )
      ) : (
        <ul className="finding-groups">
          {groups.map(({ rule, list, total }) => (
            <RuleGroup key={rule} rule={rule} findings={list} total={total} />
          ))}
        </ul>
      )}
      <LintSettingsDialog />
    </section>
  );
}
