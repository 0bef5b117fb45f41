// Says that the trace list and the waterfall are a first look at a big load still decoding (see
// workers/load-preview.ts): traces may lack spans not read yet, and findings come when the load is done.
import { useStore } from '../state/store.ts';

export function PreviewNote() {
  const preview = useStore((s) => s.preview);
  if (!preview) return null;
  return (
    <p className="preview-note" data-testid="load-preview" role="status">
      Still loading: a first look at the first {preview.numSpans.toLocaleString('en-US')} spans read. Traces may lack spans not read yet, and a span whose parent is not read yet shows as an orphan. Findings, and every trace in full, come when the load is done.
    </p>
  );
}
