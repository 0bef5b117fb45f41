// The page: wires the ways data gets in to the actions, and lays out the panels. No logic of its own.
import { useCallback } from 'react';
import type { LoadFile } from '../../../workers/trace-store.ts';
import { useActions } from '../actions-context.ts';
import { useStore } from '../state/store.ts';
import { useDropAnywhere } from '../ingest/use-drop-anywhere.ts';
import { usePasteAnywhere } from '../ingest/use-paste-anywhere.ts';
import { DropOverlay } from './drop-overlay.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { LearnPanel } from './learn-panel.tsx';
import { LoadErrors } from './load-errors.tsx';
import { PanelSplitters } from './panel-splitters.tsx';
import { ScorePanel } from './score-panel.tsx';
import { SpanDetails } from './span-details.tsx';
import { Toolbar } from './toolbar.tsx';
import { TraceList } from './trace-list.tsx';
import { WaterfallPanel } from './waterfall-panel.tsx';

export function App() {
  const actions = useActions();
  const loadUserFiles = useCallback((files: LoadFile[]) => void actions.loadFiles(files, 'user'), [actions]);
  const isDragging = useDropAnywhere(loadUserFiles);
  usePasteAnywhere(loadUserFiles);
  const detailsWidthPx = useStore((s) => s.detailsWidthPx);
  const listHeightPx = useStore((s) => s.listHeightPx);
  const sideTab = useStore((s) => s.sideTab);
  const isLearnOpen = useStore((s) => s.isLearnOpen);
  return (
    <div className="app" style={{ gridTemplateColumns: `minmax(0, 1fr) 5px ${detailsWidthPx}px`, gridTemplateRows: `44px ${listHeightPx}px 5px minmax(0, 1fr)` }}>
      <Toolbar />
      <TraceList />
      {sideTab === 'findings' ? <FindingsPanel /> : sideTab === 'score' ? <ScorePanel /> : <LoadErrors />}
      <WaterfallPanel />
      <SpanDetails />
      <PanelSplitters />
      <DropOverlay isVisible={isDragging} />
      {isLearnOpen ? <LearnPanel /> : null}
    </div>
  );
}
