// A loop of 2,000 SELECTs under one request, made with the real SDK: the waterfall folds them into one row
// "×2,000 SELECT shop.orders" with aggregate timing, unfolds it by click or →, and a search for one member
// unfolds the fan to show it.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const upload = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

function loop(): SdkWorld {
  const w = new SdkWorld(41);
  const root = w.start('orders', { name: 'nightly reconcile', kind: SpanKind.INTERNAL, startMs: 0 });
  for (let i = 0; i < 2000; i++) {
    w.span('orders', { name: 'SELECT shop.orders', kind: SpanKind.CLIENT, startMs: 1 + i * 0.5, endMs: 1.3 + i * 0.5, attributes: { 'db.system.name': 'postgresql', 'app.order_ref': `ref-${i}` } }, root);
  }
  w.span('orders', { name: 'write report', startMs: 1005, endMs: 1010 }, root);
  root.end([1714564800, 1_011_000_000]);
  return w;
}

describe('huge fans', () => {
  const session = useAppSession();

  it('folds 2,000 similar siblings into one row and unfolds them by click, key and search', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('loop.json', loop().otlpJson())]);
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('nightly reconcile');
    const fanRow = page.locator(`${ROW}[data-fan-count]`);
    await expect.poll(() => fanRow.getAttribute('data-fan-count')).toBe('2000');
    expect(await fanRow.getByTestId('fan-label').textContent()).toBe('×2,000 SELECT shop.orders');
    expect(await fanRow.locator('.bar-label').textContent()).toBe('Σ 600ms · avg 300µs · max 300µs');
    expect(await page.locator(ROW).count()).toBe(3);

    await fanRow.getByTestId('fan-toggle').click();
    await expect.poll(() => page.locator(`${ROW}[data-fan-count]`).count()).toBe(0);
    expect(await page.locator(ROW).count()).toBeGreaterThan(10);
    // ← on the head folds it again (select the head first).
    const head = page.locator(`${ROW}[data-row="1"]`);
    await head.click();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(ROW).count()).toBe(3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(ROW).count()).toBeGreaterThan(10);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(ROW).count()).toBe(3);

    // Searching for one member's attribute value unfolds the fan and selects that member.
    await page.locator('.waterfall-scroll').click();
    await page.keyboard.press('Control+f');
    const input = page.getByTestId('search-input');
    await input.fill('ref-1500');
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('– / 1');
    await input.press('Enter');
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"] .span-name`).textContent()).toBe('SELECT shop.orders');
    expect(await page.locator(`${ROW}[data-fan-count]`).count()).toBe(0);
  });
});
