// The built app on its built-in demo: the waterfall, collapsing, and the details pane.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROW, rowOf, TRACE_ROW, waitForRows, waterfallSpanIds } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

interface DemoSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
}

/** The demo's spans as the committed file holds them, grouped by trace, earliest trace first. */
function demoTraces(): DemoSpan[][] {
  const doc = JSON.parse(readFileSync(new URL('../../public/demo/demo.otlp.json', import.meta.url), 'utf8')) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: DemoSpan[] }> }>;
  };
  const byTrace = new Map<string, DemoSpan[]>();
  for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
  const earliest = (spans: DemoSpan[]) => spans.map((s) => BigInt(s.startTimeUnixNano)).reduce((a, b) => (a < b ? a : b));
  return [...byTrace.values()].sort((a, b) => (earliest(a) < earliest(b) ? -1 : 1));
}

/** Span ids under `spanId`, found from the file's parent ids. */
function descendantsOf(spans: readonly DemoSpan[], spanId: string): Set<string> {
  const out = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of spans) {
      if (out.has(s.spanId) || !(s.parentSpanId === spanId || out.has(s.parentSpanId ?? ''))) continue;
      out.add(s.spanId);
      grew = true;
    }
  }
  return out;
}

describe('the app on the built-in demo', () => {
  const session = useAppSession();
  const [first, second] = demoTraces();

  it('opens on the demo: every trace listed, the first trace drawn row by row from its root', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(2);
    const ids = await waterfallSpanIds(page);
    expect(ids.toSorted()).toEqual(first!.map((s) => s.spanId).toSorted());
    const root = first!.find((s) => !s.parentSpanId)!;
    expect(ids[0]).toBe(root.spanId);
    // Children come right under their parent: every row's parent appears above it.
    const parentOf = new Map(first!.map((s) => [s.spanId, s.parentSpanId ?? '']));
    ids.forEach((id, position) => {
      if (id !== root.spanId) expect(ids.slice(0, position)).toContain(parentOf.get(id));
    });
  });

  it('opens another trace from the list', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.locator(`${TRACE_ROW}[data-trace-id="${second![0]!.traceId}"]`).click();
    await expect.poll(async () => (await waterfallSpanIds(page)).toSorted()).toEqual(second!.map((s) => s.spanId).toSorted());
  });

  it('collapsing a subtree hides its rows and expanding brings them back; so do collapse all and expand all', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const all = await waterfallSpanIds(page);
    // The cart call: a client span whose subtree is the cart server span and its query.
    const cartCall = first!.find((s) => s.name === 'GET /cart/{id}' && first!.some((c) => c.parentSpanId === s.spanId && c.name === s.name))!;
    const hidden = descendantsOf(first!, cartCall.spanId);
    expect(hidden.size).toBe(2);
    await rowOf(page, cartCall.spanId).getByTestId('row-toggle').click();
    await waitForRows(page, all.filter((id) => !hidden.has(id)));
    await rowOf(page, cartCall.spanId).getByTestId('row-toggle').click();
    await waitForRows(page, all);

    await page.getByTestId('collapse-all').click();
    await waitForRows(page, [all[0]!]);
    await page.getByTestId('expand-all').click();
    await waitForRows(page, all);
  });

  it('clicking a row shows its attributes, typed, in the details pane; the parent link jumps to the parent', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const query = first!.find((s) => s.name === 'SELECT shop.cart_items')!;
    await rowOf(page, query.spanId).click();
    const details = page.getByTestId('span-details');
    await expect.poll(() => details.locator('.details-name').textContent()).toBe('SELECT shop.cart_items');
    const port = details.locator('.attribute[data-key="server.port"] .any-value');
    expect(await port.getAttribute('data-value-type')).toBe('int');
    expect(await port.textContent()).toContain('5432');
    const system = details.locator('.attribute[data-key="db.system.name"] .any-value');
    expect(await system.getAttribute('data-value-type')).toBe('string');
    expect(await system.textContent()).toContain('"postgresql"');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.origin });
    await details.getByRole('button', { name: 'copy span id' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(query.spanId);

    await details.getByTestId('parent-link').click();
    await expect.poll(() => details.locator('.details-name').textContent()).toBe('GET /cart/{id}');
    expect(await rowOf(page, query.parentSpanId!).getAttribute('aria-selected')).toBe('true');
  });

  it('arrow keys move the selection through the rows and fold subtrees', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const all = await waterfallSpanIds(page);
    const selected = () => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id');
    await rowOf(page, all[0]!).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe(all[2]);
    // ← folds the third row's subtree, ← again goes to its parent.
    const hidden = descendantsOf(first!, all[2]!);
    expect(hidden.size).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await waitForRows(page, all.filter((id) => !hidden.has(id)));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(selected).toBe(first!.find((x) => x.spanId === all[2])!.parentSpanId);
    await page.keyboard.press('End');
    await expect.poll(selected).toBe(all.at(-1));
  });

  it('the splitters resize the details pane and the trace list, by drag and by keys', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const details = page.getByTestId('span-details');
    const width = async () => (await details.boundingBox())!.width;
    const before = await width();
    const splitter = page.getByRole('separator', { name: 'resize the details pane' });
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x - 100, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBeGreaterThan(before + 80);
    const list = page.getByTestId('trace-list');
    const height = async () => (await list.boundingBox())!.height;
    const listBefore = await height();
    await page.getByRole('separator', { name: 'resize the trace list' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(height).toBe(listBefore + 32);
  });

  it('the trace title keeps the root span\'s name whole; the trace id gives way, then the controls take a line of their own', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const title = page.locator('.waterfall-title');
    const layout = () =>
      title.evaluate((el) => {
        const box = (sel: string) => el.querySelector<HTMLElement>(sel)!;
        const middle = (e: Element) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2);
        const id = box('.trace-id');
        return {
          rootWhole: box('.trace-root').scrollWidth <= box('.trace-root').clientWidth,
          countOnOneLine: box(':scope > .muted').getBoundingClientRect().height < 24,
          idCut: id.scrollWidth > id.clientWidth,
          controlsBesideTitle: middle(box('.waterfall-controls')) === middle(box('.trace-root')),
          overflows: el.scrollWidth > el.clientWidth,
        };
      });
    await page.setViewportSize({ width: 1400, height: 800 });
    await expect.poll(layout).toEqual({ rootWhole: true, countOnOneLine: true, idCut: true, controlsBesideTitle: true, overflows: false });
    await page.setViewportSize({ width: 1200, height: 800 });
    await expect.poll(layout).toEqual({ rootWhole: true, countOnOneLine: true, idCut: false, controlsBesideTitle: false, overflows: false });
    expect(await title.locator('.trace-id').getAttribute('title')).toBe(`trace id ${first![0]!.traceId}`);
  });

  it('a narrow window keeps each row\'s span name readable: the kind label goes first, the error mark stays', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const rows = () =>
      page.locator(ROW).evaluateAll((els) =>
        els.map((el) => {
          const cell = el.querySelector('.name-cell')!.getBoundingClientRect();
          const error = el.querySelector('.mark-error')?.getBoundingClientRect();
          return {
            nameWidth: el.querySelector('.span-name')!.getBoundingClientRect().width,
            kindShown: el.querySelector<HTMLElement>('.kind')!.offsetWidth > 0,
            errorInside: error === undefined ? null : error.left >= cell.left && error.right <= cell.right,
          };
        }),
      );
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(async () => (await rows()).every((r) => !r.kindShown)).toBe(true);
    const narrow = await rows();
    // Every name keeps at least six characters' room (~40 px at 12.5 px); every error mark shows whole.
    expect(Math.min(...narrow.map((r) => r.nameWidth))).toBeGreaterThanOrEqual(40);
    expect(narrow.filter((r) => r.errorInside !== null).map((r) => r.errorInside)).toEqual([true, true]);
    await page.setViewportSize({ width: 1400, height: 800 });
    await expect.poll(async () => (await rows()).every((r) => r.kindShown)).toBe(true);
  });

  it('half a 1920-px screen keeps every trace list column but the services list, and a narrower details pane', async () => {
    const { page } = await session.open();
    const layout = () =>
      page.evaluate(() => {
        const panel = document.querySelector('.trace-panel')!.getBoundingClientRect();
        const start = document.querySelector('[data-testid="trace-row"] .col-start')!;
        const services = document.querySelector<HTMLElement>('[data-testid="trace-row"] .col-services')!;
        return {
          startWhole: start.getBoundingClientRect().right <= panel.right && start.scrollWidth <= start.clientWidth,
          servicesShown: services.offsetWidth > 0,
          detailsWidth: Math.round(document.querySelector('[data-testid="span-details"]')!.getBoundingClientRect().width),
        };
      });
    await page.locator(ROW).first().waitFor();
    expect(await layout()).toEqual({ startWhole: true, servicesShown: true, detailsWidth: 460 });
    // The details pane's width is chosen for the window the app opens in.
    await page.setViewportSize({ width: 960, height: 800 });
    await page.reload();
    await page.locator(ROW).first().waitFor();
    expect(await layout()).toEqual({ startWhole: true, servicesShown: false, detailsWidth: 340 });
  });

  it('a narrow window cuts a trace list column\'s label inside its own column, not over the next one', async () => {
    const { page } = await session.open();
    const headers = () =>
      page.locator('.trace-header .sort-button').evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetWidth > 0)
          .map((el) => {
            const cut = el.scrollWidth > el.clientWidth;
            // A label wider than its box draws over the next column unless the box clips it.
            return { left: Math.round(el.getBoundingClientRect().left), right: Math.round(el.getBoundingClientRect().right), cut, drawnOutside: cut && getComputedStyle(el).overflowX === 'visible' };
          }),
      );
    await page.setViewportSize({ width: 760, height: 800 });
    await page.reload();
    await page.locator(ROW).first().waitFor();
    const narrow = await headers();
    expect(narrow.length).toBeGreaterThanOrEqual(5);
    // Each label's box ends before the next begins, and no label is drawn past its box; at this width at
    // least the root service's label is cut.
    for (let i = 1; i < narrow.length; i++) expect(narrow[i]!.left).toBeGreaterThanOrEqual(narrow[i - 1]!.right);
    expect(narrow.filter((h) => h.drawnOutside)).toEqual([]);
    expect(narrow[0]!.cut).toBe(true);
    expect(await page.getByTestId('sort-service').getAttribute('title')).toBe('Sort by root service');
  });

  it('a narrow window cuts the toolbar\'s counts (their title says them whole) instead of running them past its edge', async () => {
    const { page } = await session.open();
    const counts = () =>
      page.evaluate(() => {
        const text = document.querySelector<HTMLElement>('.counts-text')!;
        const badge = document.querySelector('.counts .demo-badge')!.getBoundingClientRect();
        return { badgeInside: badge.right <= document.documentElement.clientWidth, cut: text.scrollWidth > text.clientWidth, title: text.title };
      });
    await page.locator(ROW).first().waitFor();
    expect(await counts()).toEqual({ badgeInside: true, cut: false, title: '2 traces · 13 spans' });
    await page.setViewportSize({ width: 760, height: 800 });
    await expect.poll(counts).toEqual({ badgeInside: true, cut: true, title: '2 traces · 13 spans' });
  });

  it('the splitter between span names and bars widens the name column, by drag and by keys', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const nameWidth = async () => Math.round((await page.locator(`${ROW} .name-cell`).first().boundingBox())!.width);
    const before = await nameWidth();
    const splitter = page.getByRole('separator', { name: 'resize the span name column' });
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(nameWidth).toBeGreaterThan(before + 110);
    const dragged = await nameWidth();
    expect(dragged).toBeLessThan(before + 130);
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(nameWidth).toBeLessThan(dragged - 28);
    // The timeline keeps 120 px however far the column is dragged.
    const now = (await splitter.boundingBox())!;
    await page.mouse.move(now.x + now.width / 2, now.y + 100);
    await page.mouse.down();
    await page.mouse.move(5000, now.y + 100, { steps: 3 });
    await page.mouse.up();
    const area = (await page.locator('.waterfall-area').boundingBox())!;
    await expect.poll(async () => Math.abs(area.width - 120 - (await nameWidth()))).toBeLessThan(4);
  });

  it('a link to a span in another loaded trace jumps there', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const consumer = second!.find((s) => s.name === 'process orders')!;
    await page.locator(`${TRACE_ROW}[data-trace-id="${consumer.traceId}"]`).click();
    await rowOf(page, consumer.spanId).click();
    await page.getByTestId('link-jump').click();
    const producer = first!.find((s) => s.name === 'send orders')!;
    await expect.poll(() => rowOf(page, producer.spanId).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`${TRACE_ROW}[data-trace-id="${producer.traceId}"]`).getAttribute('aria-selected')).toBe('true');
  });
});
