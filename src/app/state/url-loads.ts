// Loading by URL (`?url=`, the demo): each URL is fetched by the page, then all are loaded as one load. A
// response's body is handed to the worker as a stream where the browser can transfer one, so the worker
// decodes it as it downloads: progress, the first look and Cancel start with the first bytes, a Cancel stops
// the download, and the page never holds the whole body. Elsewhere the body is read whole first.
import type { LoadFile } from '../../../workers/trace-store.ts';
import { nameOfUrl } from '../url-name.ts';
import type { DataSource } from './ingest-slice.ts';
import type { Store } from './store.ts';

type LoadFiles = (files: LoadFile[], source: Exclude<DataSource, 'none'>) => Promise<void>;

/** Whether this browser can transfer a ReadableStream to a worker (Chromium can; some browsers cannot). */
export function canTransferStreams(): boolean {
  try {
    const stream = new ReadableStream();
    structuredClone(stream, { transfer: [stream] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The body's length when the response says it: Content-Length counts the bytes on the wire, which are not
 * the body's bytes when it was compressed for the transfer (Content-Encoding; a cross-origin response may
 * hide that header, and the load's progress then shows what was read so far once it passes the length).
 */
export function bodyLength(headers: Headers): number {
  const encoding = headers.get('content-encoding');
  const length = headers.get('content-length');
  if ((encoding !== null && encoding.trim().toLowerCase() !== 'identity') || length === null || !/^\d+$/.test(length.trim())) return -1;
  return Number(length);
}

/** Returns what fetches URLs and loads what arrived; a URL that fails is reported and the others still load. */
export function urlLoadFlow(get: () => Store, loadFiles: LoadFiles, streams = canTransferStreams()): (urls: readonly string[], source: Exclude<DataSource, 'none'>) => Promise<void> {
  async function fetchOne(url: string): Promise<LoadFile | null> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const name = nameOfUrl(url);
      if (streams && response.body) return { name, data: { stream: response.body, size: bodyLength(response.headers) } };
      return { name, data: await response.arrayBuffer() };
    } catch (err) {
      get().loadStarted();
      get().loadFailed({ file: url, where: 'fetch', message: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  return async (urls, source) => {
    const fetched = await Promise.all(urls.map(fetchOne));
    const files = fetched.filter((f): f is LoadFile => f !== null);
    if (files.length > 0) await loadFiles(files, source);
  };
}
