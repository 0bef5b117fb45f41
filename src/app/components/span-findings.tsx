// The selected span's lint findings in the details pane: the learner's sentence, and on demand the longer
// "why it matters and how to fix it" with the spec it comes from.
import { useEffect, useState } from 'react';
import type { Finding } from '../../core/lint/types.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { LessonLink } from './lesson-link.tsx';
import { FIRST_SHOWN, MORE_STEP, ShowMore } from './show-more.tsx';

export function SpanFindings({ traceId, spanId }: { traceId: string; spanId: string }) {
  const actions = useActions();
  const findings = useStore((s) => s.findings);
  const rules = useStore((s) => s.rules);
  // The store holds only the first few hundred findings of each rule: ask the worker for this span's, the
  // first `max` of them (one span can have tens of thousands, see show-more.tsx).
  const [max, setMax] = useState(FIRST_SHOWN);
  const [fromWorker, setFromWorker] = useState<{ key: string; list: Finding[]; total: number } | null>(null);
  const key = `${traceId}/${spanId}`;
  useEffect(() => {
    let isCurrent = true;
    void actions.firstSpanFindings(traceId, spanId, max).then(({ findings: list, total }) => isCurrent && setFromWorker({ key, list, total }));
    return () => {
      isCurrent = false;
    };
  }, [actions, traceId, spanId, key, findings, max]);
  const mine = fromWorker?.key === key ? fromWorker.list : findings.filter((f) => f.traceId === traceId && f.spanId === spanId).slice(0, max);
  const total = fromWorker?.key === key ? fromWorker.total : mine.length;
  if (mine.length === 0) return null;
  return (
    <section className="span-findings" data-testid="span-findings">
      <h3 className="span-findings-title">Findings <span className="badge">{total}</span></h3>
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
      <ShowMore shown={mine.length} total={total} what="findings" onMore={() => setMax(mine.length + MORE_STEP)} />
    </section>
  );
}
