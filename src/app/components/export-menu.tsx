// Export: the open trace or everything loaded, as OTLP/JSON or Chrome trace JSON (Perfetto, speedscope),
// and the findings as JSON.
import { useState } from 'react';
import type { ExportKind } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';

const ITEMS: Array<[ExportKind, 'trace' | 'all', string]> = [
  ['otlp-json', 'trace', 'this trace as OTLP/JSON'],
  ['otlp-json', 'all', 'everything as OTLP/JSON'],
  ['chrome-trace', 'trace', 'this trace as Chrome trace (Perfetto)'],
  ['chrome-trace', 'all', 'everything as Chrome trace'],
  ['findings', 'all', 'findings as JSON'],
];

export function ExportMenu() {
  const actions = useActions();
  const [isOpen, setOpen] = useState(false);
  return (
    <span className="export-menu">
      <button type="button" className="button" data-testid="export-open" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>Export…</button>
      {isOpen ? (
        <div className="export-items" role="menu">
          {ITEMS.map(([kind, scope, label]) => (
            <button key={`${kind}-${scope}`} type="button" role="menuitem" className="button small" data-testid={`export-${kind}-${scope}`} onClick={() => void actions.exportData(kind, scope).then(() => setOpen(false))}>
              {label}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
