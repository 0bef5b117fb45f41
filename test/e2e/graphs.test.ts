// The demo's service graph shows its services, the database as a virtual peer and the calls between them;
// an edge lists its traces; the consumer trace's link opens the producer's trace at the producer span.
import { readFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { at, SdkWorld } from '../support/sdk-world.ts';
import { chooseJson, ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const spans = (JSON.parse(readFileSync(new URL('../../public/demo/demo.otlp.json', import.meta.url), 'utf8')) as {
  resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; name: string }> }> }>;
}).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
const producer = spans.find((s) => s.name === 'send orders')!;
const consumer = spans.find((s) => s.name === 'process orders')!;

describe('graphs on the demo', () => {
  const session = useAppSession();

  it('the service graph shows the services, the virtual database and the edges; an edge lists its traces', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('view-services').click();
    const graph = page.getByTestId('service-graph');
    await expect.poll(() => graph.locator('[data-testid="graph-node"]').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-name')).sort())).toEqual(['cart', 'fulfillment', 'payments', 'postgresql', 'storefront']);
    const edges = await graph.locator('[data-testid="graph-edge"]').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`).sort());
    expect(edges).toEqual(['cart>postgresql', 'fulfillment>postgresql', 'payments>postgresql', 'storefront>cart', 'storefront>fulfillment', 'storefront>payments']);
    await graph.locator('[data-testid="graph-edge"][data-from="storefront"][data-to="payments"] .edge-hit').click({ force: true });
    await expect.poll(() => page.getByTestId('edge-traces').textContent()).toContain(producer.traceId);
    expect(await page.getByTestId('edge-traces').textContent()).toMatch(/2 calls, 1 errors/);
  });

  it("clicking a span link opens the linked trace at that span", async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.locator(`${TRACE_ROW}[data-trace-id="${consumer.traceId}"]`).click();
    await page.getByTestId('view-links').click();
    await page.getByTestId('trace-link').first().click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(producer.spanId);
    expect(await page.locator(`${TRACE_ROW}[data-trace-id="${producer.traceId}"]`).getAttribute('aria-selected')).toBe('true');
  });

  it('a link whose target is not loaded is drawn as such, with the target ids', async () => {
    const doc = JSON.parse(readFileSync(new URL('../../public/demo/demo.otlp.json', import.meta.url), 'utf8')) as { resourceSpans: Array<{ resource: { attributes: Array<{ value: { stringValue?: string } }> } }> };
    doc.resourceSpans = doc.resourceSpans.filter((rs) => rs.resource.attributes.some((a) => a.value.stringValue === 'fulfillment'));
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'consumer-only.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) }]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await page.getByTestId('view-links').click();
    const missing = page.getByTestId('trace-link-missing');
    await expect.poll(() => missing.count()).toBe(1);
    expect(await missing.locator('title').textContent()).toBe(`${producer.traceId} / ${producer.spanId}`);
  });

  it('draws only the part of a big links graph in view, and the rest as it is scrolled to', async () => {
    // 2,000 spans, each linking to the two before it: 3,997 links, every one inside the trace.
    const w = new SdkWorld(31);
    const root = w.start('batch', { name: 'run', kind: SpanKind.SERVER, startMs: 0 });
    const items: ReturnType<typeof w.start>[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = w.start('batch', { name: `item ${i}`, kind: SpanKind.CONSUMER, startMs: i * 0.01, links: items.slice(-2).map((p) => ({ context: p.spanContext() })) }, root);
      s.end(at(i * 0.01 + 0.005));
      items.push(s);
    }
    root.end(at(30));
    const { page } = await session.open();
    await chooseJson(page, 'links.json', w.otlpJson());
    await expect.poll(() => page.locator('.waterfall-title').textContent()).toContain('2,001 spans');
    await page.getByTestId('view-links').click();
    const view = page.getByTestId('trace-links');
    const nodes = view.locator('[data-testid="trace-link"]');
    await expect.poll(() => nodes.count()).toBeGreaterThan(0);
    // Each of the 2,000 spans is a node, linked to or linking: far fewer are drawn.
    expect(await nodes.count()).toBeLessThan(400);
    expect(await view.locator('.graph-edge').count()).toBeLessThan(1000);
    const inView = () => view.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[data-testid="trace-link"]')].filter((n) => { const r = n.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; }).map((n) => n.querySelector('title')!.textContent);
    });
    const atTop = await inView();
    expect(atTop.length).toBeGreaterThan(3);
    await view.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // Nodes are drawn where the view is now, not only where it was.
    await expect.poll(async () => (await inView()).filter((t) => !atTop.includes(t)).length).toBeGreaterThan(3);
  });
});
