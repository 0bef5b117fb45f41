// Asks the worker to warm its decoder (workers/warm-up.ts) once the page has opened its first data, unless
// the URL says `warmup=off` (the browser benchmark measures a cold worker that way too); `warmup=<rounds>`
// (1 to 50) asks for that many rounds instead of the worker's own number, so a test can keep it running long
// enough to choose a file during it. How it went is kept
// on the document element as `data-warm-up` ('off', 'running', 'done', 'stopped' or 'failed') for tests and
// benchmarks to read.
import type { TraceWorker } from './worker-client.ts';

export function startWarmUp(worker: Pick<TraceWorker, 'warmUp'>, search: string, root: HTMLElement): void {
  const asked = new URLSearchParams(search).get('warmup');
  if (asked === 'off') {
    root.dataset.warmUp = 'off';
    return;
  }
  const numRounds = asked !== null && /^\d+$/.test(asked) ? Math.min(50, Math.max(1, Number(asked))) : undefined;
  root.dataset.warmUp = 'running';
  worker.warmUp(numRounds).then(
    (report) => {
      root.dataset.warmUp = report.state;
      root.dataset.warmUpMs = String(Math.round(report.ms));
      root.dataset.warmUpSpans = String(report.numSpans);
    },
    () => void (root.dataset.warmUp = 'failed'),
  );
}
