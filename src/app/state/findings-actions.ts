// The lint flows: asking for the findings (with the lint's progress meanwhile), re-linting with new settings,
// and the open trace's row badges, which the worker answers per trace (a million spans can give millions of
// findings; the page holds counts and a few of each rule).
import type { LintOptions } from '../../core/lint/config.ts';
import type { Generations } from '../generation.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

/** How often the lint's progress is asked for while findings are awaited (the worker answers between its 30 ms slices). */
const LINT_POLL_MS = 250;

export function createFindingsFlows({ worker, get, gens }: { worker: TraceWorker; get: () => Store; gens: Generations }) {
  /**
   * The worker's findings for `options`. A million spans take seconds to lint: meanwhile the lint's progress
   * goes into the store every LINT_POLL_MS, while the findings are still pending.
   */
  async function findingsWithProgress(options: LintOptions): ReturnType<TraceWorker['findings']> {
    const timer = setInterval(() => void worker.lintProgress().then((f) => get().findingsPending && get().lintProgressed(f)), LINT_POLL_MS);
    try {
      return await worker.findings(options);
    } finally {
      clearInterval(timer);
    }
  }

  /** The open trace's row badges: the highest finding severity per row, from the worker. */
  async function refreshFindingRows(traceId: string): Promise<void> {
    const rows = await worker.findingRowSeverities(traceId, get().lintOptions);
    if (get().traceId === traceId) get().findingRowsReceived(traceId, rows);
  }

  async function setLintOptions(options: LintOptions): Promise<void> {
    get().lintOptionsSet(options);
    get().findingsRequested();
    const ticket = gens.take('lint');
    const lint = await findingsWithProgress(options);
    if (!ticket()) return;
    get().findingsReceived(lint.findings, lint.rules, lint.summary);
    get().lintAnswered(lint.errors, lint.thresholds);
    const open = get().traceId;
    if (open !== null) await refreshFindingRows(open);
  }

  return { findingsWithProgress, refreshFindingRows, setLintOptions };
}
