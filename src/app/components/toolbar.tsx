// The top bar: brand, the ways to load, what is loaded, and load progress.
import { useActions } from '../actions-context.ts';
import { DEMO_URL } from '../ingest/initial-load.ts';
import { DatasetCounts } from './dataset-counts.tsx';
import { FilePicker } from './file-picker.tsx';
import { LoadProgress } from './load-progress.tsx';

export function Toolbar() {
  const actions = useActions();
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
      <span className="hint">or drop files anywhere, or paste (Ctrl+V)</span>
      <span className="spacer" />
      <LoadProgress />
      <DatasetCounts />
    </header>
  );
}
