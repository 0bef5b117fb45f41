// The Export menu's flow: the worker writes the open trace (or everything) as a Blob, the page downloads it.
import { downloadBlob } from '../download.ts';
import type { ExportKind } from '../../../workers/trace-store.ts';
import type { TraceWorker } from '../worker-client.ts';
import type { Store } from './store.ts';

const FILE_SUFFIX: Record<ExportKind, string> = { 'otlp-json': 'otlp.json', 'chrome-trace': 'chrome-trace.json', findings: 'findings.json' };

export function exportFlow(worker: TraceWorker, get: () => Store): (kind: ExportKind, scope: 'trace' | 'all') => Promise<void> {
  return async (kind, scope) => {
    const traceId = scope === 'trace' ? (get().traceId ?? undefined) : undefined;
    const blob = await worker.exportData(kind, traceId);
    downloadBlob(`${traceId ?? 'tracelens'}.${FILE_SUFFIX[kind]}`, blob);
  };
}
