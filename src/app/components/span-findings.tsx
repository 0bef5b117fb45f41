// The selected span's lint findings in the details pane: the learner's sentence, and on demand the longer
// "why it matters and how to fix it" with the spec it comes from.
import { useEffect, useState } from 'react';
import type { Finding } from '../../core/lint/types.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { LessonLink } from './lesson-link.tsx';

export function SpanFindings({ traceId, spanId }: { traceId: string; spanId: string }) {
  const actions = useActions();
  const findings = useStore((s) => s.findings);
  const rules = useStore((s) => s.rules);
  // The store holds only the first few hundred findings of each rule: ask the worker for all of this span's.
  const [fromWorker, setFromWorker] = useState<{ key: string; list: Finding[] } | null>(null);
  const key = `${traceId}/${spanId}`;
  useEffect(() => {
    let isCurrent = true;
    void actions.spanFindings(traceId, spanId).then((list) => isCurrent && setFromWorker({ key, list }));
    return () => {
      isCurrent = false;
    };
  }, [actions, traceId, spanId, key, findings]);
  const mine = fromWorker?.key === key ? fromWorker.list : findings.filter((f) => f.traceId === traceId && f.spanId === spanId);
  if (mine.length === 0) return null;
  return (
    <section className="span-findings" data-testid="span-findings">
      <h3 className="span-findings-title">Findings <span className="badge">{mine.length}</span></h3>
      <ul className="finding-list">
        {mine.map((f, findingIdx) => {
          const meta = rules[f.rule];
          return (
            <li key={findingIdx} className={`span-finding ${f.severity}`}>
              <div>
                <span className={`severity-dot ${f.severity}`} aria-hidden="true" /> <strong>{f.rule}</strong> <span className="muted small">{f.severity}</span> <LessonLink rule={f.rule} />
              </div>
              <p className="finding-message">{f.message}{f.suggestion && !f.message.includes(f.suggestion) ? ` → ${f.suggestion}` : ''}</p>
              {meta ? (
                <details>
                  <summary>{meta.learn}</summary>
                  <p>{meta.why}</p>
                  <p className="muted small">Source: {meta.source}</p>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
