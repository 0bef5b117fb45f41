// Statistics on the demo: one row per service and span name, sortable; a click filters the waterfall.
import { describe, expect, it } from 'vitest';
import { ROW, waterfallSpanIds } from './support/app-page.ts';
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
});
