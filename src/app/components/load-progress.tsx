// Shown only for loads that take longer than a moment: file, phase, megabytes and spans so far.
import { useEffect, useState } from 'react';
import { formatMegabytes } from '../format.ts';
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
  const fraction = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  return (
    <div className="load-progress" data-testid="load-progress" role="status">
      <div className="load-progress-bar">
        <div className="load-progress-fill" style={{ width: `${Math.max(4, fraction * 100).toFixed(1)}%` }} />
      </div>
      {progress ? (
        <span className="load-progress-text">
          {progress.phase}
          {progress.file ? ` ${progress.file} (${progress.fileIdx + 1}/${progress.numFiles})` : ''} · {formatMegabytes(progress.bytesDone)} /{' '}
          {formatMegabytes(progress.bytesTotal)} · {progress.numSpans.toLocaleString('en-US')} spans
        </span>
      ) : (
        <span className="load-progress-text">fetching…</span>
      )}
    </div>
  );
}
