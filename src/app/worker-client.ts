// Starts the trace worker and wraps it with comlink. The app imports the worker API as a type only: the
// worker owns the data, the page only asks questions of it.
import * as Comlink from 'comlink';
import type { LoadFile } from '../../workers/trace-store.ts';
import type { WorkerApi } from '../../workers/trace.worker.ts';

export type TraceWorker = Comlink.Remote<WorkerApi>;

/** Starts the worker. `onCrash` hears of a worker that died (out of memory, a failed start): comlink would
 *  leave the pending calls waiting forever, so the page must be told some other way. */
export function startTraceWorker(onCrash: (message: string) => void): TraceWorker {
  const worker = new Worker(new URL('../../workers/trace.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => onCrash(e.message || 'the trace worker stopped'));
  worker.addEventListener('messageerror', () => onCrash('a message from the trace worker could not be read'));
  return Comlink.wrap<WorkerApi>(worker);
}

/** Wraps a callback (load progress, a load's preview) so the worker can call it across the boundary. */
export function proxyCallback<T>(fn: (value: T) => void): ((value: T) => void) & Comlink.ProxyMarked {
  return Comlink.proxy(fn);
}

/** Marks the files' ArrayBuffers and download streams for transfer (comlink only looks at top-level
 *  arguments), so fetched bytes move to the worker instead of being copied, and a stream can cross at all.
 *  Blobs and Files are cheap handles and are cloned. */
export function transferFiles(files: LoadFile[]): LoadFile[] {
  const transferables = files.flatMap((f): Transferable[] => {
    const data = f.data;
    if (data instanceof ArrayBuffer) return [data];
    return typeof data === 'object' && 'stream' in data && data.stream instanceof ReadableStream ? [data.stream] : [];
  });
  return Comlink.transfer(files, transferables);
}
