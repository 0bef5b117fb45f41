// One browser and one static server per test file; a fresh page per test. After every test the page must
// have logged no console error and requested nothing from another origin. The app is served under a
// sub-path with the strict CSP it promises to run under, so every test also checks hosting and CSP.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { assertBuilt, DIST_DIR } from './app-page.ts';
import { launchBrowser, watchPage, type Browser, type PageWatch } from './browser.ts';
import { startStaticServer, STRICT_CSP, type StaticServer, type StaticServerOptions } from './static-server.ts';

export const BASE_PATH = '/tools/tracelens/';

export interface AppSession {
  readonly server: StaticServer;
  /** Opens the app (query like '?url=…'); waits for nothing. `allowedErrors`: console errors the test provokes. */
  open(query?: string, options?: { allowedErrors?: readonly RegExp[] }): Promise<{ page: Page; watch: PageWatch }>;
}

export function useAppSession(extraFiles: ReadonlyMap<string, string | Uint8Array> = new Map(), routes?: StaticServerOptions['routes']): AppSession {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  const open: Array<{ page: Page; watch: PageWatch; allowedErrors: readonly RegExp[] }> = [];

  beforeAll(async () => {
    assertBuilt();
    server = await startStaticServer({ root: DIST_DIR, basePath: BASE_PATH, csp: STRICT_CSP, extraFiles, ...(routes ? { routes } : {}) });
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const pages = open.splice(0);
    for (const { page } of pages) await page.close();
    for (const { watch, allowedErrors } of pages) {
      expect(watch.errors.filter((e) => !allowedErrors.some((re) => re.test(e))), 'console errors').toEqual([]);
      expect(watch.foreignRequests, 'requests to other origins').toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    async open(query = '', options = {}) {
      if (!browser || !server) throw new Error('session not started');
      const page = await browser.context.newPage();
      const watch = watchPage(page, server.origin);
      open.push({ page, watch, allowedErrors: options.allowedErrors ?? [] });
      await page.goto(`${server.appUrl}${query}`);
      return { page, watch };
    },
  };
}
