// Every way of getting data into the built app: file input, paste, ?url=, drag-and-drop; files loaded
// together merge; a bad file reports its error while the good one loads. Traces are made by the real SDK.
import { describe, expect, it } from 'vitest';
import { ROW, rowOf, TRACE_ROW, traceRowIds, waitForRows } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';
import { filePerService, oneFile, orderTrace, truncatedFile, type TraceFile } from './support/traces.ts';

const asUpload = (f: TraceFile) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) });

describe('getting data in', () => {
  const shared = orderTrace(77);
  const session = useAppSession(new Map([['/data/shared.otlp.json', oneFile(shared).text]]));

  it('a file set on the file input replaces the demo and shows its rows', async () => {
    const t = orderTrace();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([asUpload(oneFile(t))]);
    await waitForRows(page, t.spanIdsInOrder);
    expect(await traceRowIds(page)).toEqual([t.traceId]);
  });

  it('the details pane shows typed values and full-nanosecond times of a loaded span', async () => {
    const t = orderTrace();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([asUpload(oneFile(t))]);
    await waitForRows(page, t.spanIdsInOrder);
    await rowOf(page, t.ids.root).click();
    const details = page.getByTestId('span-details');
    await expect.poll(() => details.getByTestId('span-start').textContent()).toBe('2024-05-01T12:00:00.012345678Z');
    const typeOf = (key: string) => details.locator(`.attribute[data-key="${key}"] .any-value`).first().getAttribute('data-value-type');
    expect(await typeOf('http.response.status_code')).toBe('int');
    expect(await typeOf('app.cache_hit')).toBe('bool');
    expect(await typeOf('app.ratio')).toBe('double');
    expect(await typeOf('app.tags')).toBe('array');
    expect(await typeOf('http.request.method')).toBe('string');
    // 12.345678 ms → 40 ms: the exact duration, every nanosecond digit kept.
    expect(await details.getByTestId('span-duration').textContent()).toContain('27.654322 ms');
  });

  it('files loaded together merge: one trace split over two services\u2019 files becomes one tree', async () => {
    const t = orderTrace();
    const files = filePerService(t);
    expect(files).toHaveLength(2);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles(files.map(asUpload));
    await waitForRows(page, t.spanIdsInOrder);
    expect(await traceRowIds(page)).toEqual([t.traceId]);
    // The inventory server span sits under the orders client span, not as a root of its own.
    expect(await rowOf(page, t.ids.server).getAttribute('aria-level')).toBe('3');
    expect(await page.getByTestId('orphan-mark').count()).toBe(0);
  });

  it('a span whose parent is in no loaded file is marked, not hidden', async () => {
    const t = orderTrace();
    const inventoryOnly = filePerService(t).find((f) => f.name.startsWith('inventory'))!;
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([asUpload(inventoryOnly)]);
    await waitForRows(page, [t.ids.server, t.ids.query]);
    expect(await rowOf(page, t.ids.server).getByTestId('orphan-mark').count()).toBe(1);
    expect(await rowOf(page, t.ids.query).getByTestId('orphan-mark').count()).toBe(0);
  });

  it('a bad file shows its error (file, where, why) while the good file still loads', async () => {
    const good = orderTrace();
    const bad = truncatedFile(orderTrace(5));
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([asUpload(bad), asUpload(oneFile(good))]);
    await waitForRows(page, good.spanIdsInOrder);
    const errors = page.getByTestId('load-errors');
    const badLine = errors.locator('.input-line', { hasText: bad.name });
    await expect.poll(() => badLine.locator('.issue.error').count()).toBeGreaterThan(0);
    expect(await badLine.locator('.issue.error .issue-where').first().textContent()).toMatch(/line \d+, column \d+/);
    expect(await badLine.locator('.issue.error .issue-message').first().textContent()).not.toBe('');
  });

  it('pasting OTLP JSON (Ctrl+V outside a text field) loads it', async () => {
    const t = orderTrace();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.origin });
    await page.evaluate((text) => navigator.clipboard.writeText(text), oneFile(t).text);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+V');
    await waitForRows(page, t.spanIdsInOrder);
  });

  it('pasting into a text field pastes there and loads nothing', async () => {
    const t = orderTrace();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const demoRows = await page.locator(ROW).count();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.origin });
    await page.evaluate((text) => navigator.clipboard.writeText(text), oneFile(t).text);
    // The app has no text field of its own yet (search will add one): put one on the page.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'scratch';
      document.body.append(input);
    });
    await page.locator('#scratch').focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('#scratch').inputValue()).toContain('resourceSpans');
    await page.waitForTimeout(300);
    expect(await page.locator(ROW).count()).toBe(demoRows);
    expect(await page.locator('.counts').textContent()).toContain('demo');
  });

  it('?url= loads that URL instead of the demo', async () => {
    const numRequestsBefore = session.server.requests.length;
    const { page } = await session.open(`?url=${encodeURIComponent(`${session.server.origin}/data/shared.otlp.json`)}`);
    await waitForRows(page, shared.spanIdsInOrder);
    expect(await traceRowIds(page)).toEqual([shared.traceId]);
    const requested = session.server.requests.slice(numRequestsBefore);
    expect(requested).toContain('/data/shared.otlp.json');
    expect(requested.filter((r) => r.includes('demo.otlp.json'))).toEqual([]);
  });

  it('?url= that cannot be fetched is reported in the inputs panel', async () => {
    // The browser itself logs the failed request; that one console error is expected here.
    const { page } = await session.open(`?url=${encodeURIComponent('/data/missing.otlp.json')}`, { allowedErrors: [/404 \(Not Found\)/] });
    const errors = page.getByTestId('load-errors');
    await expect.poll(() => errors.locator('.issue.error').count()).toBe(1);
    expect(await errors.textContent()).toContain('HTTP 404');
    expect(await errors.textContent()).toContain('/data/missing.otlp.json');
  });

  it('dropping files anywhere on the page loads them together', async () => {
    const t = orderTrace();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.evaluate((files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      const target = document.querySelector('[data-testid="span-details"]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, filePerService(t));
    await waitForRows(page, t.spanIdsInOrder);
    expect(await page.locator(TRACE_ROW).count()).toBe(1);
  });

  it('markup in span names and values stays text', async () => {
    const t = orderTrace();
    const hostile = t.world.otlpJson().replace('GET /orders/{id}', '<img src=x onerror=alert(1)>').replace('"GET"', '"javascript:alert(1)"');
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostile) }]);
    await waitForRows(page, t.spanIdsInOrder);
    await rowOf(page, t.ids.root).click();
    await expect.poll(() => page.getByTestId('span-details').locator('.details-name').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });
});
