// What the page opens on: `?trace=<id>&backend=<url>` fetches that trace from a Tempo/Jaeger backend;
// `?url=<url>` loads dumps; otherwise the built-in demo. Then the URL hash (`#trace=…&span=…`) reopens the
// place a copied link pointed at. The demo is fetched by a relative URL so the build works under any sub-path.
import { readBackendSettings } from '../backend-settings.ts';
import type { Actions } from '../state/actions.ts';
import { readDeepLink, readHash } from '../url-state.ts';

export const DEMO_URL = './demo/demo.otlp.json';

export async function initialLoad(
  location: { search: string; hash: string },
  actions: Pick<Actions, 'loadUrls' | 'fetchFromBackend' | 'restoreLocation'>,
): Promise<void> {
  const link = readDeepLink(location.search);
  const urls = new URLSearchParams(location.search).getAll('url').filter((u) => u.trim() !== '');
  if (link) {
    const saved = readBackendSettings();
    const headers = saved && saved.baseUrl === link.baseUrl ? saved.headers : undefined;
    await actions.fetchFromBackend({ kind: link.kind, baseUrl: link.baseUrl, ...(headers ? { headers } : {}) }, link.traceId);
  } else if (urls.length > 0) await actions.loadUrls(urls, 'user');
  else await actions.loadUrls([DEMO_URL], 'demo');
  const place = readHash(location.hash);
  if (place) await actions.restoreLocation(place);
}
