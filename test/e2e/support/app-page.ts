// Opens the built app in a page and answers what the tests ask of it, by the DOM contract
// (data-testid="waterfall-row" with data-span-id, etc.).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const DIST_DIR = fileURLToPath(new URL('../../../dist/', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(`${DIST_DIR}index.html`)) throw new Error('dist/ is missing: run `npx vite build` before the e2e tests');
}

export const ROW = '[data-testid="waterfall-row"]';
export const TRACE_ROW = '[data-testid="trace-row"]';

/** Once the opened app has drawn its demo, chooses `json` as a file named `name` (the app's first own input). */
export async function chooseJson(page: Page, name: string, json: string): Promise<void> {
  await page.locator(ROW).first().waitFor();
  await page.getByTestId('file-input').setInputFiles([{ name, mimeType: 'application/json', buffer: Buffer.from(json) }]);
}

/** The span ids of the waterfall rows in the DOM, top to bottom. */
export async function waterfallSpanIds(page: Page): Promise<string[]> {
  return page.$$eval(ROW, (rows) =>
    rows
      .map((r) => ({ id: r.getAttribute('data-span-id') ?? '', top: r.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.id),
  );
}

/** Waits until the waterfall shows exactly `ids` in this order. */
export async function waitForRows(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction(
    ({ selector, want }) => {
      const got = [...document.querySelectorAll(selector)]
        .map((r) => ({ id: r.getAttribute('data-span-id'), top: r.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((r) => r.id);
      return got.length === want.length && got.every((id, i) => id === want[i]);
    },
    { selector: ROW, want: [...ids] },
    { timeout: 15_000 },
  );
}

export async function traceRowIds(page: Page): Promise<string[]> {
  return page.$$eval(TRACE_ROW, (rows) => rows.map((r) => r.getAttribute('data-trace-id') ?? ''));
}

export function rowOf(page: Page, spanId: string) {
  return page.locator(`${ROW}[data-span-id="${spanId}"]`);
}
