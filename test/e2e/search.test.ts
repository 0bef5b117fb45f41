// In-trace search on the demo: Ctrl+F opens it, matches are counted and highlighted, Enter/Shift+Enter
// and the buttons walk them (selecting and scrolling to each), and "matches only" hides the rest.
import { describe, expect, it } from 'vitest';
import { ROW, waterfallSpanIds } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('in-trace search', () => {
  const session = useAppSession();

  it('Ctrl+F, count, next/previous with keys and buttons, matches only', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.locator('.waterfall-scroll').click();
    await page.keyboard.press('Control+f');
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await input.fill('payments');
    const count = page.getByTestId('search-count');
    await expect.poll(() => count.textContent()).toMatch(/^– \/ \d+$/);
    const numMatches = Number((await count.textContent())!.split('/ ')[1]);
    expect(numMatches).toBeGreaterThanOrEqual(4);
    expect(await page.locator(`${ROW}[data-match]`).count()).toBe(numMatches);

    const selected = () => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id');
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`1 / ${numMatches}`);
    const first = await selected();
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 / ${numMatches}`);
    expect(await selected()).not.toBe(first);
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`1 / ${numMatches}`);
    expect(await selected()).toBe(first);
    await page.getByTestId('search-prev').click();
    await expect.poll(() => count.textContent()).toBe(`${numMatches} / ${numMatches}`);

    const all = await waterfallSpanIds(page);
    await input.fill('INSERT');
    await expect.poll(() => count.textContent()).toBe('– / 1');
    await page.getByTestId('search-matches-only').check();
    // The INSERT span and its three ancestors.
    await expect.poll(() => waterfallSpanIds(page)).toHaveLength(4);
    await page.getByTestId('search-matches-only').uncheck();
    await expect.poll(() => waterfallSpanIds(page)).toHaveLength(all.length);
  });
});
