// What the page opens on: `?url=<url>` when given, else the built-in demo. The demo is fetched by a
// relative URL so the build works under any sub-path.
import type { Actions } from '../state/actions.ts';

export const DEMO_URL = './demo/demo.otlp.json';

export function initialLoad(search: string, actions: Pick<Actions, 'loadUrls'>): Promise<void> {
  const urls = new URLSearchParams(search).getAll('url').filter((u) => u.trim() !== '');
  return urls.length === 0 ? actions.loadUrls([DEMO_URL], 'demo') : actions.loadUrls(urls, 'user');
}
