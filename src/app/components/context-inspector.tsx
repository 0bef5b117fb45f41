// The trace-context inspector: paste a traceparent (or header lines, curl -v output, a HAR dump, tracestate,
// baggage, B3, or a bare trace id), read what every field means, and jump to the trace and the caller's span.
import { useEffect, useRef, useState } from 'react';
import type { ContextInspection } from '../../core/propagation/inspect.ts';
import type { PropagationError } from '../../core/propagation/problems.ts';
import type { BackendSettings } from '../../../workers/backend.ts';
import { useActions } from '../actions-context.ts';
import { readBackendSettings } from '../backend-settings.ts';
import { useStore } from '../state/store.ts';
import { BackendForm } from './backend-form.tsx';

function Problems({ value, errors }: { value: string; errors: readonly PropagationError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="context-errors">
      {errors.map((e, errorIdx) => (
        <li key={errorIdx}>
          <pre className="caret">{`${value}\n${' '.repeat(Math.max(0, e.column))}^`}</pre>
          <span className="issue-message">column {e.column}: {e.message}</span>
        </li>
      ))}
    </ul>
  );
}

function Result({ inspection, onJump }: { inspection: ContextInspection; onJump: () => void }) {
  const { context, explanations, located } = inspection;
  if (context.empty) return <p className="empty">Nothing recognisable yet: paste a traceparent, header lines or a 32-hex trace id.</p>;
  const parts = [
    context.traceparent && { name: 'traceparent', raw: context.traceparent.raw, valid: context.traceparent.valid, errors: context.traceparent.errors },
    context.tracestate && { name: 'tracestate', raw: context.tracestate.raw, valid: context.tracestate.valid, errors: context.tracestate.errors },
    context.baggage && { name: 'baggage', raw: context.baggage.raw, valid: context.baggage.valid, errors: context.baggage.errors },
    context.b3 && { name: `b3 (${context.b3.form})`, raw: context.b3.raw, valid: context.b3.valid, errors: context.b3.errors },
  ].filter((p) => !!p);
  return (
    <div data-testid="context-result">
      {parts.map((p) => (
        <div key={p.name} className="context-part">
          <span className={`badge ${p.valid ? 'demo-badge' : 'error-badge'}`}>{p.name}: {p.valid ? 'valid' : 'invalid'}</span>
          <Problems value={p.raw} errors={p.errors} />
        </div>
      ))}
      {explanations.length > 0 ? (
        <dl className="context-fields">
          {explanations.map((x) => (
            <div key={x.field} className="context-field">
              <dt>{x.field}</dt>
              <dd>
                <code>{x.value}</code>
                <span className="muted">{x.meaning}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="context-located" data-testid="context-located">{located.message}</p>
      {located.status === 'parent-found' || located.status === 'trace-only' ? (
        <button type="button" className="button primary" data-testid="context-jump" onClick={onJump}>
          {located.status === 'parent-found' ? "Go to the caller's span" : 'Open the trace'}
        </button>
      ) : null}
    </div>
  );
}

function BackendFetch({ traceId, onLoaded }: { traceId: string; onLoaded: () => void }) {
  const actions = useActions();
  const [settings, setSettings] = useState<BackendSettings | null>(() => readBackendSettings());
  const [isEditing, setEditing] = useState(false);
  const [status, setStatus] = useState<{ busy: boolean; message: string }>({ busy: false, message: '' });
  const fetchIt = (s: BackendSettings): void => {
    setStatus({ busy: true, message: `Fetching ${traceId} from ${s.baseUrl}…` });
    void actions.fetchFromBackend(s, traceId).then((r) => {
      setStatus({ busy: false, message: r.message });
      if (r.ok) onLoaded();
    });
  };
  return (
    <div className="backend-fetch" data-testid="backend-fetch">
      {settings && !isEditing ? (
        <p>
          <button type="button" className="button primary" data-testid="context-fetch" disabled={status.busy} onClick={() => fetchIt(settings)}>
            Fetch from {settings.baseUrl}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setEditing(true)}>change backend</button>
        </p>
      ) : (
        <>
          <p className="muted">Set a Tempo or Jaeger backend to fetch this trace by id:</p>
          <BackendForm onSaved={(s) => { setSettings(s); setEditing(false); }} />
        </>
      )}
      {status.message ? <p className="backend-status" data-testid="backend-status">{status.message}</p> : null}
    </div>
  );
}

export function ContextInspector({ onClose }: { onClose: () => void }) {
  const actions = useActions();
  const [text, setText] = useState('');
  const [inspection, setInspection] = useState<ContextInspection | null>(null);
  const latest = useRef(0);
  // Asked again whenever the loaded data changes: a header pasted before its trace's file is loaded (or while
  // a big load shows its first look) finds the trace once it is there.
  const traces = useStore((s) => s.traces);
  useEffect(() => {
    const ticket = ++latest.current;
    useStore.getState().contextTyped(text); // Learn mode's context try-it reads it
    void actions.inspectContext(text).then((r) => {
      if (ticket === latest.current) setInspection(r);
    });
  }, [actions, text, traces]);
  const jump = (): void => {
    const located = inspection?.located;
    if (!located) return;
    if (located.parent) void actions.jumpTo(located.parent);
    else void actions.openTrace(located.traceId);
    onClose();
  };
  return (
    <section
      className="context-inspector"
      data-testid="context-panel"
      aria-label="Trace context inspector"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="context-head">
        <h2 className="panel-title">Trace context</h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close">×</button>
      </div>
      <textarea
        className="context-input"
        data-testid="context-input"
        autoFocus
        spellCheck={false}
        rows={4}
        placeholder="Paste a traceparent, header lines, curl -v output, a HAR dump, tracestate, baggage, B3 headers, or a trace id"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {inspection ? <Result inspection={inspection} onJump={jump} /> : null}
      {inspection?.located.status === 'not-loaded' ? <BackendFetch traceId={inspection.located.traceId} onLoaded={onClose} /> : null}
    </section>
  );
}
