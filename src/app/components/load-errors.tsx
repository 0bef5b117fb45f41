// The inputs panel: every loaded input with its format and span count, and each problem found in it
// (file, where, why). Problems never hide what did load.
import type { InputReport } from '../../core/model/dataset-builder.ts';
import { formatBytes } from '../format.ts';
import type { PageLoadError } from '../state/ingest-slice.ts';
import { useStore } from '../state/store.ts';
import { SideTabs } from './side-tabs.tsx';

function InputLine({ input }: { input: InputReport }) {
  const numErrors = input.errors.filter((e) => e.severity === 'error').length;
  return (
    <li className={`input-line${numErrors > 0 ? ' has-errors' : ''}`}>
      <div className="input-head">
        <span className="input-file" title={input.file}>{input.file}</span>
        <span className="input-meta">
          {input.format} · {input.spans.toLocaleString('en-US')} spans · {formatBytes(input.bytes)}
        </span>
      </div>
      {input.errors.length > 0 ? (
        <ul className="issue-list">
          {input.errors.map((e, issueIdx) => (
            <li key={issueIdx} className={`issue ${e.severity}`}>
              <span className="issue-severity">{e.severity}</span>
              <span className="issue-where">{e.where}</span>
              <span className="issue-message">{e.message}</span>
            </li>
          ))}
          {input.numIssuesDropped > 0 ? <li className="issue muted">… and {input.numIssuesDropped} more</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

function PageErrorLine({ error }: { error: PageLoadError }) {
  return (
    <li className="input-line has-errors">
      <div className="input-head">
        <span className="input-file" title={error.file}>{error.file}</span>
      </div>
      <ul className="issue-list">
        <li className="issue error">
          <span className="issue-severity">error</span>
          <span className="issue-where">{error.where}</span>
          <span className="issue-message">{error.message}</span>
        </li>
      </ul>
    </li>
  );
}

export function LoadErrors() {
  const inputs = useStore((s) => s.inputs);
  const pageErrors = useStore((s) => s.pageErrors);
  const isLoading = useStore((s) => s.numLoadsActive > 0);
  const numProblems = pageErrors.length + inputs.reduce((n, i) => n + i.errors.length, 0);
  return (
    <section className="panel inputs-panel" data-testid="load-errors" aria-label="Inputs and load errors">
      <SideTabs />
      <h2 className="panel-title">
        Inputs <span className="muted">{inputs.length}</span>
        {numProblems > 0 ? <span className="badge error-badge">{numProblems} {numProblems === 1 ? 'problem' : 'problems'}</span> : null}
      </h2>
      {inputs.length === 0 && pageErrors.length === 0 ? (
        isLoading ? (
          <p className="empty">Loading: each input is listed here, with its format and any problem, when the load is done.</p>
        ) : (
          <p className="empty">No inputs yet. Open files, drop them here, paste OTLP JSON, or add <code>?url=</code>.</p>
        )
      ) : (
        <ul className="input-list">
          {pageErrors.map((e, errorIdx) => (
            <PageErrorLine key={`page-${errorIdx}`} error={e} />
          ))}
          {inputs.map((input, inputIdx) => (
            <InputLine key={inputIdx} input={input} />
          ))}
        </ul>
      )}
    </section>
  );
}
