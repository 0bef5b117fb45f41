// The page: wires the ways data gets in to the actions, and lays out the panels. No logic of its own.
import { useCallback } from 'react';
import type { LoadFile } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { useDropAnywhere } from '../ingest/use-drop-anywhere.ts';
import { usePasteAnywhere } from '../ingest/use-paste-anywhere.ts';
import { DropOverlay } from './drop-overlay.tsx';
import { LoadErrors } from './load-errors.tsx';
import { SpanDetails } from './span-details.tsx';
import { Toolbar } from './toolbar.tsx';
import { TraceList } from './trace-list.tsx';
import { WaterfallPanel } from './waterfall-panel.tsx';

export function App() {
  const actions = useActions();
  const loadUserFiles = useCallback((files: LoadFile[]) => void actions.loadFiles(files, 'user'), [actions]);
  const isDragging = useDropAnywhere(loadUserFiles);
  usePasteAnywhere(loadUserFiles);
  return (
    <div className="app">
      <Toolbar />
      <TraceList />
      <LoadErrors />
      <WaterfallPanel />
      <SpanDetails />
      <DropOverlay isVisible={isDragging} />
    </div>
  );
}
