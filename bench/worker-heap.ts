// The app's dedicated worker seen through CDP from the page's session: a non-flattened auto-attach finds it,
// and its messages go through Target.sendMessageToTarget. Used to read the worker's JS heap, the model's home.
import type { CDPSession } from 'playwright-core';

export interface WorkerHeap {
  /** The worker's used JS heap in bytes; `collect`: two full collections first, so only live objects count. */
  usedBytes(collect: boolean): Promise<number | null>;
  /**
   * The JS heap and the ArrayBuffers' memory outside it (typed arrays: the span table's columns, attributes
   * kept as bytes, indexes), as Runtime.getHeapUsage gives them; `backing` is null where it does not say.
   */
  usage(collect: boolean): Promise<{ used: number; backing: number | null } | null>;
}

/** Attaches to the page's worker; null when none shows up within 5 s. */
export async function attachWorker(cdp: CDPSession): Promise<WorkerHeap | null> {
  const attached = new Promise<string | null>((ok) => {
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') ok(e.sessionId);
    });
    setTimeout(() => ok(null), 5000);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await attached;
  if (sessionId === null) return null;
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    const done = m.id === undefined ? undefined : pending.get(m.id);
    if (e.sessionId !== sessionId || !done) return;
    pending.delete(m.id!);
    done(m.result ?? null);
  });
  const send = (method: string): Promise<unknown> =>
    new Promise((ok) => {
      const id = nextId++;
      pending.set(id, ok);
      setTimeout(() => pending.delete(id) && ok(null), 30_000);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  const usage = async (collect: boolean): Promise<{ used: number; backing: number | null } | null> => {
    if (collect) {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
    }
    const u = (await send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number } | null;
    return u ? { used: u.usedSize, backing: u.backingStorageSize ?? null } : null;
  };
  return {
    usage,
    async usedBytes(collect) {
      return (await usage(collect))?.used ?? null;
    },
  };
}
