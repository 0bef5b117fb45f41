// The span tree view on the demo: one node per visible span, folding a subtree, selecting a span.
import { describe, expect, it } from 'vitest';
import { ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('trace tree view', () => {
  const session = useAppSession();

  it('draws the open trace as a tree; a circle folds its subtree; a name selects the span', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const numRows = await page.locator(ROW).count();
    await page.getByTestId('view-tree').click();
    const nodes = page.locator('[data-testid="tree-node"]');
    await expect.poll(() => nodes.count()).toBe(numRows);
    const root = nodes.first();
    const rootId = await root.getAttribute('data-span-id');
    await root.locator('[data-testid="tree-toggle"]').click();
    await expect.poll(() => nodes.count()).toBe(1);
    await root.locator('[data-testid="tree-toggle"]').click();
    await expect.poll(() => nodes.count()).toBe(numRows);
    const third = nodes.nth(2);
    const id = await third.getAttribute('data-span-id');
    await third.locator('text').click();
    await expect.poll(() => page.getByTestId('span-details').locator('[data-testid="span-self-time"]').count()).toBe(1);
    expect(id).not.toBe(rootId);
    await page.getByTestId('view-waterfall').click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(id);
  });
});
