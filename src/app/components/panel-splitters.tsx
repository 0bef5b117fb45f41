// The two splitters of the page: one sizes the details pane (and the inputs panel above it), one the
// trace list's height.
import { useStore } from '../state/store.ts';
import { Splitter } from './splitter.tsx';

const TOOLBAR_PX = 44;

export function PanelSplitters() {
  const detailsWidthPx = useStore((s) => s.detailsWidthPx);
  const listHeightPx = useStore((s) => s.listHeightPx);
  const detailsResized = useStore((s) => s.detailsResized);
  const listResized = useStore((s) => s.listResized);
  return (
    <>
      <Splitter
        orientation="vertical"
        label="resize the details pane"
        sizePx={detailsWidthPx}
        keyGrowth={-1}
        toSize={(clientX) => window.innerWidth - clientX - 2}
        onResize={(px) => detailsResized(px, window.innerWidth)}
      />
      <Splitter
        orientation="horizontal"
        label="resize the trace list"
        sizePx={listHeightPx}
        keyGrowth={1}
        toSize={(_clientX, clientY) => clientY - TOOLBAR_PX - 2}
        onResize={(px) => listResized(px, window.innerHeight)}
      />
    </>
  );
}
