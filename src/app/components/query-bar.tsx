// The TraceQL box above the trace list: Enter runs the query over everything loaded (in the worker), the
// list then shows only matching traces and the waterfall marks the matching spans. An error shows the
// query with a caret under the character it points at.
import { useEffect, useRef } from 'react';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';

const EXAMPLE = '{ resource.service.name = "orders" && status = error }';

export function QueryBar() {
  const actions = useActions();
  const queryText = useStore((s) => s.queryText);
  const queryRows = useStore((s) => s.queryRows);
  const numSpans = useStore((s) => s.queryNumSpans);
  const error = useStore((s) => s.queryError);
  const inputRef = useRef<HTMLInputElement>(null);
  // The query can be set from outside (a link's #q=…): show it in the box.
  useEffect(() => {
    if (inputRef.current && document.activeElement !== inputRef.current) inputRef.current.value = queryText;
  }, [queryText]);
  return (
    <div className="query-bar" role="search" aria-label="TraceQL query over the loaded traces">
      <label className="query-label" htmlFor="traceql-input">TraceQL</label>
      <input
        id="traceql-input"
        ref={inputRef}
        className="query-input"
        data-testid="traceql-input"
        placeholder={EXAMPLE}
        spellCheck={false}
        defaultValue={queryText}
        aria-invalid={error ? true : undefined}
        aria-describedby="traceql-status"
        onKeyDown={(e) => {
          if (e.key === 'Enter') void actions.runQuery(e.currentTarget.value);
          if (e.key === 'Escape') {
            e.currentTarget.value = '';
            void actions.runQuery('');
          }
        }}
      />
      <button type="button" className="button small" data-testid="traceql-run" onClick={() => void actions.runQuery(inputRef.current?.value ?? '')}>Run</button>
      {queryText !== '' ? (
        <button type="button" className="button small" data-testid="traceql-clear" onClick={() => {
          if (inputRef.current) inputRef.current.value = '';
          void actions.runQuery('');
        }}>Clear</button>
      ) : null}
      <span id="traceql-status" className="query-status" data-testid="traceql-status" aria-live="polite">
        {queryRows ? `${queryRows.size.toLocaleString('en-US')} trace${queryRows.size === 1 ? '' : 's'}, ${numSpans.toLocaleString('en-US')} span${numSpans === 1 ? '' : 's'}` : ''}
      </span>
      {error ? (
        <pre className="query-error" data-testid="traceql-error" role="alert">
          {queryText}
          {'\n'}
          {' '.repeat(Math.max(0, Math.min(error.offset, queryText.length)))}^ {error.message}
        </pre>
      ) : null}
    </div>
  );
}
