// Shown only for loads that take longer than a moment: file, phase, megabytes and spans so far.
import { useEffect, useState } from 'react';
import { formatMegabytes } from '../format.ts';
import type { LoadProgress as LoadProgressEvent } from '../../../workers/trace-store.ts';
import { useStore } from '../state/store.ts';

const SHOW_AFTER_MS = 250;

export function LoadProgress() {
  const numLoadsActive = useStore((s) => s.numLoadsActive);
  const progress = useStore((s) => s.progress);
  const [isSlow, setSlow] = useState(false);
  useEffect(() => {
    if (numLoadsActive === 0) return;
    const timer = setTimeout(() => setSlow(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [numLoadsActive]);
  if (numLoadsActive === 0 || !isSlow) return null;
  // Bytes are counted per finished file (decoders do not report their position), so the bar shows files
  // done and moves as a whole while one file decodes; spans so far arrive during the decode.
  const fraction = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  return (
    <div className="load-progress" data-testid="load-progress" role="status">
      <div className="load-progress-bar busy">
        <div className="load-progress-fill" style={{ width: `${Math.max(4, fraction * 100).toFixed(1)}%` }} />
      </div>
      {progress ? <span className="load-progress-text">{progressText(progress)}</span> : <span className="load-progress-text">fetching…</span>}
    </div>
  );
}

function progressText(p: LoadProgressEvent): string {
  const spans = `${p.numSpans.toLocaleString('en-US')} spans`;
  if (!p.file) return `${p.phase} · ${formatMegabytes(p.bytesTotal)} · ${spans}`;
  const size = p.numFiles > 1 ? `${formatMegabytes(p.bytesDone)} of ${formatMegabytes(p.bytesTotal)} done` : formatMegabytes(p.bytesTotal);
  const which = p.numFiles > 1 && p.phase !== 'assembling' ? ` (${p.fileIdx + 1}/${p.numFiles})` : '';
  return `${p.phase} ${p.file}${which} · ${size} · ${spans}`;
}
