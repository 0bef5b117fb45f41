// Output of the CLI written straight to a file descriptor, synchronously. process.stdout writes to a pipe
// asynchronously on POSIX (Node's "A note on process I/O"), so the ~1 MiB pieces of a big report queued in
// memory as fast as they were made: `check --json` of 100k spans piped to a slow reader peaked at 420 MB
// instead of 264 MB, and 1M spans would queue ~780 MB more. Written here, a piece waits for the reader.
import { writeSync as fsWriteSync } from 'node:fs';

type WriteSync = (fd: number, buffer: Uint8Array, offset: number) => number;

/** How long to wait before trying again when a non-blocking pipe is full (EAGAIN). */
const RETRY_MS = 2;

/**
 * A writer of text to `fd` that returns once all of it is written. A reader gone away (EPIPE, as in
 * `tracelens check … | head`) ends the output quietly: later writes are dropped.
 */
export function fdWriter(fd: number, writeSync: WriteSync = fsWriteSync, wait: (ms: number) => void = sleep): (text: string) => void {
  let closed = false;
  return (text) => {
    if (closed) return;
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') wait(RETRY_MS);
        else if (code === 'EPIPE') {
          closed = true;
          return;
        } else throw err;
      }
    }
  };
}

/** Never notified: Atomics.wait on it only sleeps (the CLI's one thread may block). */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}
