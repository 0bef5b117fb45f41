// Shown only for loads that take longer than a moment: phase, file, megabytes read of the total, the read
// rate and spans so far, with a Cancel button. A cancel stops the load at its next chunk: a file decoded
// while it is read (OTLP JSON lines, framed protobuf) keeps the spans read so far; a file read whole
// (JSON documents, console dumps, compressed files) is dropped before decoding; data loaded before stays.
import { useEffect, useState } from 'react';
import { useActions } from '../actions-context.ts';
import { hasTotal, partsText, progressParts } from '../progress-text.ts';
import { useStore } from '../state/store.ts';
import type { LoadProgress as ReadProgress } from '../../../workers/trace-store.ts';

const SHOW_AFTER_MS = 250;

export function LoadProgress() {
  const numLoadsActive = useStore((s) => s.numLoadsActive);
  const progress = useStore((s) => s.progress);
  const actions = useActions();
  const [isSlow, setSlow] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (numLoadsActive === 0) return;
    const timer = setTimeout(() => setSlow(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
      setCancelling(false);
    };
  }, [numLoadsActive]);
  if (numLoadsActive === 0 || !isSlow) return null;
  const fraction = progress && progress.bytesTotal > 0 && hasTotal(progress) ? progress.bytesDone / progress.bytesTotal : 0;
  // Only a load the worker reads can be cancelled (a fetch has no progress yet), and not once it assembles.
  const canCancel = progress !== null && (progress.phase === 'reading' || progress.phase === 'decoding');
  return (
    <div className="load-progress" data-testid="load-progress" role="status">
      <div className={`load-progress-bar${progress?.phase === 'assembling' || (progress && !hasTotal(progress)) ? ' busy' : ''}`}>
        <div className="load-progress-fill" style={{ transform: `scaleX(${Math.max(0.04, fraction).toFixed(3)})` }} />
      </div>
      {/* On a narrow window the file's name is cut first, then the size; the whole line is its title. */}
      {progress ? (
        <ProgressText progress={progress} />
      ) : (
        <span className="load-progress-text">fetching…</span>
      )}
      {canCancel && (
        <button
          type="button"
          className="load-cancel"
          data-testid="load-cancel"
          disabled={isCancelling}
          title="Stop loading. Spans already decoded from JSON lines or framed protobuf are kept; a file read whole is dropped (one already being decoded finishes first). Data loaded before stays."
          onClick={() => {
            setCancelling(true);
            void actions.cancelLoad();
          }}
        >
          {isCancelling ? 'Cancelling…' : (
            <>
              Cancel<span className="load-cancel-note"> (keep spans read so far)</span>
            </>
          )}
        </button>
      )}
    </div>
  );
}

function ProgressText({ progress }: { progress: ReadProgress }) {
  const parts = progressParts(progress);
  const { what, size, figures } = parts;
  return (
    <span className="load-progress-text" title={partsText(parts)}>
      <span className="load-progress-what">{what}</span>
      <span className="load-progress-size">{` · ${size}`}</span>
      <span className="load-progress-figures">{` · ${figures}`}</span>
    </span>
  );
}
