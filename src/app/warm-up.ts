// Asks the worker to warm its decoder (workers/warm-up.ts) once the page has opened its first data, unless
// the URL says `warmup=off` (the browser benchmark measures a cold worker that way too). How it went is kept
// on the document element as `data-warm-up` ('off', 'running', 'done', 'stopped' or 'failed') for tests and
// benchmarks to read.
import type { TraceWorker } from './worker-client.ts';

export function startWarmUp(worker: Pick<TraceWorker, 'warmUp'>, search: string, root: HTMLElement): void {
  if (new URLSearchParams(search).get('warmup') === 'off') {
    root.dataset.warmUp = 'off';
    return;
  }
  root.dataset.warmUp = 'running';
  worker.warmUp().then(
    (report) => {
      root.dataset.warmUp = report.state;
      root.dataset.warmUpMs = String(Math.round(report.ms));
      root.dataset.warmUpSpans = String(report.numSpans);
    },
    () => void (root.dataset.warmUp = 'failed'),
  );
}
