// Comparing two traces: a good and a slow SDK-made checkout run (the slow one lacks the cache span and
// retries the payment once more), loaded through the file input; the comparison is kept in the URL hash and
// a link reopens it. Also the same trace id from two files, compared input against input.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';
import { checkoutRun } from '../support/checkout-runs.ts';
import { SdkWorld } from '../support/sdk-world.ts';

const good = checkoutRun(false, 21);
const slow = checkoutRun(true, 22);
const idOf = (w: typeof good) => w.finished()[0]!.spanContext().traceId;
const upload = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function openTrace(page: Page, traceId: string): Promise<void> {
  await page.locator(`${TRACE_ROW}[data-trace-id="${traceId}"]`).click();
  await expect.poll(() => page.locator('.waterfall-title .trace-id').textContent()).toBe(traceId);
}

const rows = (page: Page, status: string) => page.locator(`[data-testid="compare-row"][data-status="${status}"]`);

async function expectGoodVersusSlow(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('compare-row').count()).toBe(7);
  expect(await rows(page, 'added').allTextContents()).toEqual([expect.stringContaining('POST /charge')]);
  expect(await rows(page, 'removed').allTextContents()).toEqual([expect.stringContaining('redis GET')]);
  // The root: 100 ms → 200 ms; the first payment call 50 ms → 60 ms, slower (orange).
  expect(await rows(page, 'changed').first().getByTestId('compare-delta').textContent()).toBe(' +100ms (+100%)');
  expect(await rows(page, 'changed').nth(1).getAttribute('data-tone')).toBe('slower');
  expect(await page.getByTestId('compare-summary').textContent()).toMatch(/1 added.*1 removed.*2 changed.*3 same/);
}

describe('compare two traces', () => {
  const session = useAppSession(new Map([
    ['/data/good.otlp.json', good.otlpJson()],
    ['/data/slow.otlp.json', slow.otlpJson()],
  ]));

  it('shows added and removed spans and deltas, keeps B in the URL, and a link reopens the comparison', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('good.otlp.json', good.otlpJson()), upload('slow.otlp.json', slow.otlpJson())]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(2);
    await openTrace(page, idOf(good));
    await page.getByTestId('view-compare').click();
    await page.getByTestId('compare-pick').selectOption(idOf(slow));
    await expectGoodVersusSlow(page);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#trace=${idOf(good)}&compare=${idOf(slow)}`);

    // The same files, fetched this time, under the copied hash: the comparison comes back.
    const files = ['good', 'slow'].map((n) => `url=${encodeURIComponent(`${session.server.origin}/data/${n}.otlp.json`)}`).join('&');
    const { page: again } = await session.open(`?${files}${new URL(page.url()).hash}`);
    await again.getByTestId('compare-view').waitFor();
    expect(await again.getByTestId('compare-pick').inputValue()).toBe(idOf(slow));
    await expectGoodVersusSlow(again);
  });

  it('compares the same trace id loaded from two files, one file against the other', async () => {
    const a = checkoutRun(false, 5);
    const b = checkoutRun(true, 5);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('good.otlp.json', a.otlpJson()), upload('slow.otlp.json', b.otlpJson())]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await openTrace(page, idOf(a));
    await page.getByTestId('view-compare').click();
    const pick = page.getByTestId('compare-pick');
    await expect.poll(() => pick.locator('option').allTextContents()).toEqual([
      '— choose trace B —',
      expect.stringMatching(/from good\.otlp\.json$/),
      expect.stringMatching(/from slow\.otlp\.json$/),
    ]);
    await pick.selectOption(`${idOf(a)}@1`);
    await expectGoodVersusSlow(page);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#trace=${idOf(a)}&compare=${idOf(a)}@1`);
  });

  it('with many traces, offers the open trace\'s operation first and finds any other by a filter', async () => {
    const w = new SdkWorld(31);
    for (let i = 0; i < 300; i++) w.span('shop', { name: i % 3 === 0 ? 'GET /checkout' : `GET /item/${i}`, startMs: i * 10, endMs: i * 10 + 5 });
    const ids = w.finished().map((span) => span.spanContext().traceId);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('many.otlp.json', w.otlpJson())]);
    await expect.poll(() => page.locator('.counts').textContent()).toMatch(/^300 traces/);
    await page.evaluate((id) => void (location.hash = `trace=${id}`), ids[0]!);
    await expect.poll(() => page.locator('.waterfall-title .trace-id').textContent()).toBe(ids[0]);
    await page.getByTestId('view-compare').click();
    const pick = page.getByTestId('compare-pick');
    // The placeholder and 200 of the 299 other traces: the 99 other GET /checkout runs first.
    await expect.poll(() => pick.locator('option').count()).toBe(201);
    const labels = await pick.locator('option').allTextContents();
    expect(labels.slice(1, 100).every((l) => l.startsWith('shop: GET /checkout · '))).toBe(true);
    expect(labels[100]).toMatch(/^shop: GET \/item\/\d+ · /);
    expect(await page.getByTestId('compare-offered').textContent()).toBe('200 of 299 traces listed, the open trace\'s operation first: type to narrow');
    // A trace left out is found by its id, chosen, and stays offered once the filter is cleared.
    const last = ids[299]!;
    expect(labels.some((l) => l.includes(last.slice(0, 8)))).toBe(false);
    await page.getByTestId('compare-filter').fill(last.slice(0, 6));
    await expect.poll(() => pick.locator('option').allTextContents()).toEqual(['— choose trace B —', expect.stringContaining(`GET /item/299 · ${last.slice(0, 8)}`)]);
    expect(await page.getByTestId('compare-offered').textContent()).toBe('1 of 1 matches listed');
    await pick.selectOption(last);
    await expect.poll(() => page.getByTestId('compare-summary').textContent()).toMatch(/^A 5.00ms \(1 spans\) → B 5.00ms \(1 spans\)/);
    await page.getByTestId('compare-filter').fill('');
    await expect.poll(() => pick.inputValue()).toBe(last);
    expect(await pick.locator('option').count()).toBe(202);
  });
});
