// Loading by URL (`?url=`, the demo): each URL is fetched by the page, then all are loaded as one load.
import type { LoadFile } from '../../../workers/trace-store.ts';
import { nameOfUrl } from '../url-name.ts';
import type { DataSource } from './ingest-slice.ts';
import type { Store } from './store.ts';

type LoadFiles = (files: LoadFile[], source: Exclude<DataSource, 'none'>) => Promise<void>;

/** Returns what fetches URLs and loads what arrived; a URL that fails is reported and the others still load. */
export function urlLoadFlow(get: () => Store, loadFiles: LoadFiles): (urls: readonly string[], source: Exclude<DataSource, 'none'>) => Promise<void> {
  async function fetchOne(url: string): Promise<LoadFile | null> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      return { name: nameOfUrl(url), data: await response.arrayBuffer() };
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
