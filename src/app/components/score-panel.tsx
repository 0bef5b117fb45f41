// The Instrumentation Score panel: the trace rules of instrumentation-score/spec, overall and per service,
// each rule's status; a failing rule jumps to its first failing span, a not-evaluable one says why.
import { useWorkerAnswer } from '../use-worker-answer.ts';
import { useState } from 'react';
import type { InstrumentationScore, IsRuleResult, ServiceScore } from '../../core/score/instrumentation-score.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { SideTabs } from './side-tabs.tsx';
import { FIRST_SHOWN, MORE_STEP, ShowMore } from './show-more.tsx';

const STATUS_TEXT: Record<IsRuleResult['status'], string> = { pass: 'pass', fail: 'fail', 'not-evaluable': 'n/a' };

function RuleRow({ rule }: { rule: IsRuleResult }) {
  const actions = useActions();
  const first = rule.failingSpans[0];
  const label = (
    <>
      <span className={`score-status ${rule.status}`}>{STATUS_TEXT[rule.status]}</span>
      <span className="finding-rule">{rule.id}</span>
      <span className="muted small">{rule.impact}</span>
      <span className="score-title">{rule.title}</span>
    </>
  );
  return (
    <li className="score-rule" data-testid="score-rule" data-rule={rule.id} data-status={rule.status} title={[rule.why, `lint: ${rule.lintRules.join(', ')}`].filter(Boolean).join('\n')}>
      {first ? (
        <button type="button" className="finding-head" onClick={() => void actions.restoreLocation(first)} aria-label={`${rule.id} fails on ${rule.numFailing} span(s): jump to the first`}>
          {label}
          <span className="badge">{rule.numFailing}</span>
        </button>
      ) : (
        <div className="finding-head">{label}</div>
      )}
      {rule.status !== 'pass' && rule.why ? <p className="finding-learn">{rule.why}</p> : null}
    </li>
  );
}

function ServiceCard({ score, isOverall }: { score: ServiceScore; isOverall: boolean }) {
  const [isOpen, setOpen] = useState(isOverall);
  return (
    <li className="finding-group" data-testid="score-service" data-service={score.service}>
      <button type="button" className="finding-head" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        <span className="finding-rule">{score.service}</span>
        <span className="score-value" data-testid="score-value">{score.score === null ? 'n/a' : score.score.toFixed(0)}</span>
        <span className="muted small">{score.band ?? 'nothing to evaluate'}</span>
      </button>
      {isOpen ? (
        <ul className="finding-list">
          {score.rules.map((r) => <RuleRow key={r.id} rule={r} />)}
        </ul>
      ) : null}
    </li>
  );
}

export function ScorePanel() {
  const actions = useActions();
  const numSpans = useStore((s) => s.numSpans);
  // A card per service, the first ones asked of the worker and more on request: 3,000 services drawn at once
  // cost the page a 164 ms task, and 20,000 services' scores a 633 ms task to take in.
  const [maxServices, setMaxServices] = useState(FIRST_SHOWN - 1);
  const score = useWorkerAnswer<(InstrumentationScore & { numServices: number }) | null>(() => actions.firstServiceScores(maxServices), [actions, numSpans, maxServices], null);
  const cards = score ? [score.overall, ...score.services] : [];
  return (
    <section className="panel inputs-panel" data-testid="score-panel" aria-label="Instrumentation Score">
      <SideTabs />
      {score === null ? <p className="empty">Scoring…</p> : (
        <>
          <p className="muted small score-note">
            Instrumentation Score, trace rules only ({score.notCovered.map((n) => n.id).join(', ')} not covered): Σ passed × weight / Σ evaluated × weight × 100; n/a rules are left out.
          </p>
          <ul className="finding-groups">
            {cards.map((s, i) => <ServiceCard key={s.service} score={s} isOverall={i === 0} />)}
          </ul>
          <ShowMore shown={cards.length} total={score.numServices + 1} what="cards" onMore={() => setMaxServices(score.services.length + MORE_STEP)} />
        </>
      )}
    </section>
  );
}
