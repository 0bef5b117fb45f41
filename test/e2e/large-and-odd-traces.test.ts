// The waterfall at size (virtualized rows, the progress indicator) and on odd data (cycles, duplicate ids),
// plus sorting the trace list. All data comes from the real SDK; the odd cases are SDK output with one
// field rewritten, since no correct SDK emits them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSpans } from '../../bench/gen.ts';
import { SdkWorld } from '../support/sdk-world.ts';
import { CROWDED, crowdedSpanWorld } from '../support/crowded-span.ts';
import { chooseJson, ROW, rowOf, TRACE_ROW, traceRowIds } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const upload = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('large and odd traces', () => {
  const session = useAppSession();

  it('keeps only the rows in view in the DOM and shows the last span after scrolling', async () => {
    const numSpans = 3000;
    const { world, spans } = generateSpans(numSpans, numSpans);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('big.json', world.otlpJson(spans))]);
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('3,000 spans');
    // The title comes with the trace's columns; its rows follow from the worker a moment later.
    await expect.poll(() => page.locator(ROW).count()).toBeGreaterThan(10);
    const numInDom = await page.locator(ROW).count();
    expect(numInDom).toBeLessThan(150);
    // The root's 100 SELECT children form two fans (one per service), folded at first: "Expand all"
    // unfolds them too, so every span has a row.
    await expect.poll(() => page.locator('[data-testid="fan-toggle"][aria-expanded="false"]').count()).toBeGreaterThan(0);
    await page.getByTestId('expand-all').click();
    await expect.poll(() => page.locator('[data-testid="fan-toggle"][aria-expanded="false"]').count()).toBe(0);
    await page.locator('.waterfall-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // Scrolled to the end: the trace's last row is rendered and its first row has left the DOM.
    await expect.poll(() => page.locator(`${ROW}[data-row="${numSpans - 1}"]`).count()).toBe(1);
    expect(await page.locator(`${ROW}[data-row="0"]`).count()).toBe(0);
  });

  it('a link jump scrolls the target into view once; folding a row later does not scroll back', async () => {
    const { world, spans } = generateSpans(3000, 3000);
    const target = spans.toSorted((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]).at(-1)!;
    world.span('consumer', { name: 'consume', kind: SpanKind.CONSUMER, startMs: 5_000_000, endMs: 5_000_001, links: [{ context: target.spanContext() }] });
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('linked.json', world.otlpJson())]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(2);
    await page.locator(`${TRACE_ROW}:has-text("consume")`).click();
    // Wait for the consumer's waterfall: clicking "the first row" right away could hit the old trace's.
    await page.locator(`${ROW}:has-text("consume")`).click();
    await page.getByTestId('link-jump').click();
    await expect.poll(() => rowOf(page, target.spanContext().spanId).getAttribute('aria-selected')).toBe('true');
    const scroller = page.locator('.waterfall-scroll');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    // Fold everything and unfold again: the target is visible once more, but nobody asked to go there.
    await page.getByTestId('collapse-all').click();
    await expect.poll(() => page.locator(ROW).count()).toBe(1);
    await page.getByTestId('expand-all').click();
    await expect.poll(() => page.locator(ROW).count()).toBeGreaterThan(10);
    await page.waitForTimeout(300);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.locator(`${ROW}[data-row="0"]`).count()).toBe(1);
  });

  it('shows load progress (file, phase, size, spans) while a big load runs', async () => {
    // Big enough that the decode takes well over the indicator's 250 ms delay, even on a fast machine.
    const { world, spans } = generateSpans(100_000);
    const dir = mkdtempSync(join(tmpdir(), 'tracelens-e2e-'));
    const file = join(dir, 'hundred-thousand.json');
    writeFileSync(file, world.otlpJson(spans));
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    // The browser reads a chosen file lazily from disk: keep it until the load is done.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    await page.getByTestId('file-input').setInputFiles(file);
    const progress = page.getByTestId('load-progress');
    await progress.waitFor({ timeout: 10_000 });
    const text = await progress.textContent();
    expect(text).toContain('hundred-thousand.json');
    expect(text).toMatch(/MB/);
    // Spans so far arrive while the one file decodes, not only when it is done.
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/decoding .* · [1-9][\d,]* spans/);
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.counts').textContent()).toContain('100,000 spans');
  });

  it('marks a self-parent as a cycle and spans sharing an id as duplicates, dropping none', async () => {
    const w = new SdkWorld(12);
    const root = w.start('svc', { name: 'root', kind: SpanKind.SERVER, startMs: 0 });
    const a = w.span('svc', { name: 'a', startMs: 1, endMs: 2 }, root);
    const b = w.span('svc', { name: 'b', startMs: 3, endMs: 4 }, root);
    const c = w.span('svc', { name: 'c', startMs: 5, endMs: 6 }, root);
    root.end([1714564800, 10_000_000]);
    const id = (s: typeof a) => s.spanContext().spanId;
    const doc = JSON.parse(w.otlpJson()) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ spanId: string; parentSpanId?: string }> }> }> };
    for (const s of doc.resourceSpans[0]!.scopeSpans[0]!.spans) {
      if (s.spanId === id(a)) s.parentSpanId = id(a); // a names itself as parent
      if (s.spanId === id(c)) s.spanId = id(b); // c reuses b's id
    }
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([upload('odd.json', JSON.stringify(doc))]);
    await expect.poll(() => page.locator(ROW).count()).toBe(4);
    expect(await rowOf(page, id(a)).locator('.mark-cycle').textContent()).toBe('self-parent');
    expect(await page.locator(`${ROW}[data-span-id="${id(b)}"] .mark-dup`).count()).toBe(2);
  });

  it('draws a crowded span\'s lists a part at a time, each growing on its own', async () => {
    const { world, crowdedSpanId } = crowdedSpanWorld();
    const { page } = await session.open();
    await chooseJson(page, 'crowded.json', world.otlpJson());
    await page.locator(`${TRACE_ROW}:has-text("crowded")`).click();
    await rowOf(page, crowdedSpanId).click();
    const section = (title: string) => page.locator(`[data-section="${title}"]`);
    const events = section('Events').locator('ol.events > li');
    const links = section('Links').locator('ol.links > li');
    const attributes = section('Attributes').locator('dl.attributes > .attribute');
    await expect.poll(() => events.count()).toBe(100);
    // Each section counts every item, not only those drawn.
    expect(await section('Events').locator('summary').textContent()).toContain(String(CROWDED.events));
    expect([await links.count(), await attributes.count()]).toEqual([100, 100]);
    const findings = page.locator('[data-testid="span-findings"] .finding-list > li');
    await expect.poll(() => findings.count()).toBe(100);
    await section('Events').getByTestId('show-more').click();
    await expect.poll(() => events.count()).toBe(CROWDED.events);
    expect(await section('Events').getByTestId('show-more').count()).toBe(0);
    // The other lists stay as they were.
    expect([await links.count(), await attributes.count()]).toEqual([100, 100]);
    await section('Links').getByTestId('show-more').click();
    await expect.poll(() => links.count()).toBe(CROWDED.links);
    await page.getByTestId('span-findings').getByTestId('show-more').click();
    await expect.poll(() => findings.count()).toBeGreaterThan(CROWDED.events);
    // A value of many items is cut in the page: its 300 items, 100 at first.
    const items = section('Attributes').locator('[data-key="app.items"] ol.v-array > li');
    expect(await items.count()).toBe(100);
    await section('Attributes').locator('[data-key="app.items"]').getByTestId('show-more').click();
    await expect.poll(() => items.count()).toBe(CROWDED.arrayItems);
  });

  it('keeps the names of spans 60 levels deep in view, and says how deep they are', async () => {
    const w = new SdkWorld(14);
    const chain = [w.start('svc', { name: 'level 0', kind: SpanKind.SERVER, startMs: 0 })];
    for (let i = 1; i < 60; i++) chain.push(w.start('svc', { name: `level ${i}`, startMs: i * 0.01 }, chain[i - 1]));
    for (const s of chain.toReversed()) s.end([1714564800, 5_000_000]);
    const { page } = await session.open();
    await chooseJson(page, 'chain.json', w.otlpJson());
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('60 spans');
    await page.locator('.waterfall-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const deepest = rowOf(page, chain[59]!.spanContext().spanId);
    await deepest.waitFor();
    const cell = (await deepest.locator('.name-cell').boundingBox())!;
    const name = (await deepest.locator('.span-name').boundingBox())!;
    expect(name.width).toBeGreaterThan(30);
    expect(name.x + 30).toBeLessThan(cell.x + cell.width);
    expect(await deepest.getByTestId('depth-tag').textContent()).toBe('↳59');
    // Rows above the cap keep their plain indentation, without a tag.
    expect(await rowOf(page, chain[5]!.spanContext().spanId).getByTestId('depth-tag').count()).toBe(0);
  });

  it('sorts the trace list by a column, and reverses on a second click', async () => {
    const { page } = await session.open();
    await page.locator(TRACE_ROW).nth(1).waitFor();
    const spanCounts = async () => page.$$eval(`${TRACE_ROW} .col-spans`, (cells) => cells.map((c) => Number(c.textContent!.replace(/,/g, ''))));
    await page.getByTestId('sort-spans').click();
    const descending = await spanCounts();
    expect(descending).toEqual(descending.toSorted((x, y) => y - x));
    expect(new Set(descending).size).toBeGreaterThan(1);
    const order = await traceRowIds(page);
    await page.getByTestId('sort-spans').click();
    expect(await spanCounts()).toEqual(descending.toReversed());
    expect(await traceRowIds(page)).toEqual(order.toReversed());
    // Sorting never changes which trace is open.
    expect(await page.locator(`${TRACE_ROW}[aria-selected="true"]`).count()).toBe(1);
    // Arrow keys open the next trace in the order shown.
    const reversed = await traceRowIds(page);
    await page.locator(`${TRACE_ROW}[data-trace-id="${reversed[0]}"]`).click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(`${TRACE_ROW}[aria-selected="true"]`).getAttribute('data-trace-id')).toBe(reversed[1]);
    await expect.poll(() => page.locator('.waterfall-title .trace-id').textContent()).toBe(reversed[1]);
  });
});
