// The page watch every e2e test relies on must be able to fail: it sees a request to another origin and a
// console error when a page makes them. (Without CSP here, so the browser really issues the request.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DIST_DIR, ROW } from './support/app-page.ts';
import { launchBrowser, watchPage, type Browser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

describe('the page watch', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    assertBuilt();
    server = await startStaticServer({ root: DIST_DIR, basePath: '/sub/' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('records requests to other origins and console errors', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page, server.origin);
    await page.goto(server.appUrl);
    await page.locator(ROW).first().waitFor();
    expect(watch).toEqual({ errors: [], foreignRequests: [] });
    await page.evaluate(() => {
      const img = new Image();
      img.src = 'http://127.0.0.2:9/tracker.png';
      console.error('deliberate');
    });
    await expect.poll(() => watch.foreignRequests).toEqual(['http://127.0.0.2:9/tracker.png']);
    expect(watch.errors).toContain('deliberate');
    await page.close();
  });

  it('serves only under the base path and never outside the folder', async () => {
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${server.appUrl}index.html`)).status).toBe(200);
    expect((await fetch(`${server.appUrl}..%2f..%2fpackage.json`)).status).toBe(403);
  });
});
