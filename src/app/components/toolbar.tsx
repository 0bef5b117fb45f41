// The top bar: brand, the ways to load, what is loaded, and load progress.
import { useState } from 'react';
import { useActions } from '../actions-context.ts';
import { DEMO_URL } from '../ingest/initial-load.ts';
import { ContextInspector } from './context-inspector.tsx';
import { DatasetCounts } from './dataset-counts.tsx';
import { ExportMenu } from './export-menu.tsx';
import { FilePicker } from './file-picker.tsx';
import { LearnButton } from './learn-button.tsx';
import { LoadProgress } from './load-progress.tsx';

export function Toolbar() {
  const actions = useActions();
  const [isContextOpen, setContextOpen] = useState(false);
  return (
    <header className="toolbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Tracelens
      </span>
      <FilePicker />
      <button
        type="button"
        className="button"
        onClick={() => void actions.clearAll().then(() => actions.loadUrls([DEMO_URL], 'demo'))}
      >
        Demo
      </button>
      <button type="button" className="button" onClick={() => void actions.clearAll()}>
        Clear
      </button>
      <button type="button" className="button" data-testid="open-context" aria-expanded={isContextOpen} onClick={() => setContextOpen(!isContextOpen)}>
        traceparent…
      </button>
      <ExportMenu />
      <LearnButton />
      <span className="hint">or drop files anywhere, or paste (Ctrl+V)</span>
      {isContextOpen ? <ContextInspector onClose={() => setContextOpen(false)} /> : null}
      <span className="spacer" />
      <LoadProgress />
      <DatasetCounts />
    </header>
  );
}
