// The lint flows: re-linting with new settings, and the open trace's row badges, which the worker answers
// per trace (a million spans can give millions of findings; the page holds counts and a few of each rule).
import type { LintOptions } from '../../core/lint/config.ts';
import type { Generations } from '../generation.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

export function createFindingsFlows({ worker, get, gens }: { worker: TraceWorker; get: () => Store; gens: Generations }) {
  /** The open trace's row badges: the highest finding severity per row, from the worker. */
  async function refreshFindingRows(traceId: string): Promise<void> {
    const rows = await worker.findingRowSeverities(traceId, get().lintOptions);
    if (get().traceId === traceId) get().findingRowsReceived(traceId, rows);
  }

  async function setLintOptions(options: LintOptions): Promise<void> {
    get().lintOptionsSet(options);
    get().findingsRequested();
    const ticket = gens.take('lint');
    const lint = await worker.findings(options);
    if (!ticket()) return;
    get().findingsReceived(lint.findings, lint.rules, lint.summary);
    get().lintAnswered(lint.errors, lint.thresholds);
    const open = get().traceId;
    if (open !== null) await refreshFindingRows(open);
  }

  return { refreshFindingRows, setLintOptions };
}
