// Statistics on the demo: one row per service and span name, sortable; a click filters the waterfall. Counts
// of a thousand and more are grouped, there and in the trace list and the service graph.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { chooseJson, ROW, TRACE_ROW, waterfallSpanIds } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('statistics', () => {
  const session = useAppSession();

  it('lists service/name rows, sorts, and a click shows only that name in the waterfall', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('view-stats').click();
    const rows = page.locator('[data-testid="stats-row"]');
    // The checkout trace's 11 spans have 9 (service, name) pairs: the two payment attempts share theirs.
    await expect.poll(() => rows.count()).toBe(9);
    const charge = rows.filter({ hasText: 'storefront' }).filter({ hasText: 'PaymentService/Charge' });
    expect(await charge.locator('td').nth(2).textContent()).toBe('2');
    expect(await charge.locator('td').nth(8).textContent()).toBe('1');
    await page.getByTestId('stats-sort-count').click();
    expect(await rows.first().locator('td').nth(2).textContent()).toBe('2');
    await page.getByTestId('stats-all').click();
    await expect.poll(() => rows.count()).toBe(11);
    await rows.filter({ hasText: 'INSERT shop.payments' }).click();
    // The INSERT span and its ancestors: POST /checkout, the second attempt's client and server spans.
    await expect.poll(() => waterfallSpanIds(page)).toHaveLength(4);
  });

  it('groups the thousands of big counts: statistics, the trace list and the service graph', async () => {
    // One request running 1,200 queries, 1,100 of them failing (SDK-made).
    const w = new SdkWorld(47);
    const root = w.start('orders', { name: 'GET /report', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 1200; i++) {
      const q = w.start('orders', { name: 'SELECT shop.orders', kind: SpanKind.CLIENT, startMs: 1 + i * 0.01, attributes: { 'db.system.name': 'postgresql' } }, root);
      if (i < 1100) q.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
      q.end([1714564800, Math.round((1.005 + i * 0.01) * 1e6)]);
    }
    root.end([1714564800, 20_000_000]);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(w.otlpJson()) }]);
    const trace = page.locator(TRACE_ROW).filter({ hasText: 'GET /report' });
    await expect.poll(() => trace.locator('.col-spans').textContent()).toBe('1,201');
    expect(await trace.locator('.col-errors').textContent()).toBe('1,100');
    await page.getByTestId('view-stats').click();
    const selects = page.locator('[data-testid="stats-row"]').filter({ hasText: 'SELECT shop.orders' });
    await expect.poll(() => selects.locator('td').nth(2).textContent()).toBe('1,200');
    expect(await selects.locator('td').nth(8).textContent()).toBe('1,100');
    await page.getByTestId('view-services').click();
    await expect.poll(() => page.locator('[data-testid="graph-edge"] text').allTextContents()).toEqual([expect.stringMatching(/^db ×1,200 · 1,100 err · p95/)]);
  });

  it('draws the first 100 rows of a long table in its sort order, and more on request', async () => {
    // Span names that carry ids (a common mistake): one row per name, 240 of them.
    const w = new SdkWorld(32);
    const root = w.start('api', { name: 'batch', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 240; i++) w.span('api', { name: `GET /users/${i}`, kind: SpanKind.CLIENT, startMs: 1 + i * 0.01, endMs: 1.005 + i * 0.01 + (i === 200 ? 5 : 0) }, root);
    root.end([1714564800, 20_000_000]);
    const { page } = await session.open();
    await chooseJson(page, 'names.json', w.otlpJson());
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('241 spans');
    await page.getByTestId('view-stats').click();
    const rows = page.locator('[data-testid="stats-row"]');
    await expect.poll(() => rows.count()).toBe(100);
    // Sorted by self time first: the one slow call heads the table although it was read late.
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('GET /users/200');
    await page.getByTestId('stats').getByTestId('show-more').click();
    await expect.poll(() => rows.count()).toBe(241);
    expect(await page.getByTestId('stats').getByTestId('show-more').count()).toBe(0);
  });
});
