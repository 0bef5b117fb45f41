// Takes docs/screenshot.png: the built app (dist/, run `npx vite build` first) on the built-in demo in
// headless Chromium, with the failed payment attempt selected. Run: npx tsx scripts/screenshot.ts [out.png]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer, STRICT_CSP } from '../test/e2e/support/static-server.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
if (!existsSync(`${dist}index.html`)) throw new Error('dist/ is missing: run `npx vite build` first');

const server = await startStaticServer({ root: dist, csp: STRICT_CSP });
const browser = await launchBrowser({ viewport: { width: 1440, height: 860 } });
try {
  const page = await browser.context.newPage();
  await page.goto(server.appUrl);
  await page.locator('[data-testid="waterfall-row"]').first().waitFor();
  // The server span of the first, failed charge attempt: the demo's one real error.
  await page.locator('[data-testid="waterfall-row"].error').nth(1).click();
  await page.locator('[data-testid="span-details"] .details-name').waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
