// The span tree view on the demo: one node per visible span, folding a subtree, selecting a span. And on
// a loop of 3,000 calls, whose root sits half way down the tree: it opens in view and stays put when folded.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { at, SdkWorld } from '../support/sdk-world.ts';
import { chooseJson, ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('trace tree view', () => {
  const session = useAppSession();

  /** The app with the world's spans chosen as a file, once the trace of `rootName` is open. */
  async function openWith(w: SdkWorld, rootName: string): Promise<Page> {
    const { page } = await session.open();
    await chooseJson(page, 'spans.json', w.otlpJson());
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain(rootName);
    return page;
  }

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

  it('opens a 3,000-call tree with its root in view; folding and unfolding the root keep it where it was', async () => {
    const w = new SdkWorld(43);
    const root = w.start('batch', { name: 'nightly export', startMs: 0 });
    for (let i = 0; i < 3000; i++) w.span('batch', { name: 'POST /export', startMs: 1 + i, endMs: 1.5 + i }, root);
    root.end(at(3002));
    const page = await openWith(w, 'nightly export');
    await page.getByTestId('expand-all').click();
    await expect.poll(() => page.locator(ROW).count()).toBeGreaterThan(3);
    await page.getByTestId('view-tree').click();
    const hint = page.getByTestId('tree-hint');
    await expect.poll(() => hint.textContent()).toMatch(/^3,001 spans/);
    const rootNode = page.locator(`[data-testid="tree-node"][data-span-id="${root.spanContext().spanId}"]`);
    const box = (await page.getByTestId('trace-tree').boundingBox())!;
    const placeOf = async (node: Locator) => {
      const b = (await node.locator('circle').boundingBox())!;
      expect(b.y).toBeGreaterThan(box.y);
      expect(b.y + b.height).toBeLessThan(box.y + box.height);
      return { x: Math.round(b.x), y: Math.round(b.y) };
    };
    const first = await placeOf(rootNode);
    await rootNode.locator('circle').click();
    await expect.poll(() => hint.textContent()).toMatch(/^1 spans/);
    expect(await placeOf(rootNode)).toEqual(first);
    await rootNode.locator('circle').click();
    await expect.poll(() => hint.textContent()).toMatch(/^3,001 spans/);
    expect(await placeOf(rootNode)).toEqual(first);
  });

  it('draws a span link inside the trace as a dashed edge between its two nodes', async () => {
    const w = new SdkWorld(44);
    const root = w.start('worker', { name: 'drain queue', startMs: 0 });
    const send = w.start('worker', { name: 'enqueue retry', startMs: 1 }, root);
    send.end(at(2));
    w.span('worker', { name: 'handle retry', startMs: 5, endMs: 9, links: [{ context: send.spanContext() }] }, root);
    root.end(at(10));
    const page = await openWith(w, 'drain queue');
    await page.getByTestId('view-tree').click();
    await expect.poll(() => page.getByTestId('tree-hint').textContent()).toMatch(/^3 spans/);
    await expect.poll(() => page.locator('path.tree-link').count()).toBe(1);
    const [a, b] = await Promise.all(['enqueue retry', 'handle retry'].map((name) => page.locator('[data-testid="tree-node"]', { hasText: name }).getAttribute('transform')));
    const d = (await page.locator('path.tree-link').getAttribute('d'))!;
    // The edge runs from the linking span's node to the linked one.
    const xy = (t: string | null | undefined) => t!.match(/translate\(([-\d.]+),([-\d.]+)\)/)!.slice(1).join(',');
    expect(d.startsWith(`M${xy(b)} `)).toBe(true);
    expect(d.endsWith(` ${xy(a)}`)).toBe(true);
  });
});

