// The traceparent inspector on the demo: a pasted header is explained field by field, an invalid one is
// pointed at, a valid one jumps to the caller's span in the loaded trace, and one pasted before its trace's
// file is loaded finds the trace once the file is.
import { readFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

interface DemoSpan { traceId: string; spanId: string; name: string; kind: number }
const demo = JSON.parse(readFileSync(new URL('../../public/demo/demo.otlp.json', import.meta.url), 'utf8')) as {
  resourceSpans: Array<{ scopeSpans: Array<{ spans: DemoSpan[] }> }>;
};
const spans = demo.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
const cartClient = spans.find((s) => s.name === 'GET /cart/{id}' && s.kind === 3)!;

describe('trace context inspector', () => {
  const session = useAppSession();

  it("explains a pasted curl -v header block and jumps to the caller's span", async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('open-context').click();
    const header = `00-${cartClient.traceId}-${cartClient.spanId}-01`;
    await page.getByTestId('context-input').fill(`> GET /cart/7731 HTTP/1.1\n> Host: cart:8080\n> traceparent: ${header}\n> baggage: user.tier=gold`);
    const result = page.getByTestId('context-result');
    await expect.poll(() => result.textContent()).toContain('traceparent: valid');
    const text = (await result.textContent())!;
    expect(text).toContain("The caller's span id");
    expect(text).toContain('sampled (0x01) = 1');
    expect(text).toMatch(/every downstream service/);
    expect(await page.getByTestId('context-located').textContent()).toMatch(/GET \/cart\/\{id\}.*storefront/);
    await page.getByTestId('context-jump').click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"], ${ROW}.selected`).getAttribute('data-span-id')).toBe(cartClient.spanId);
    await expect.poll(() => page.getByTestId('span-details').locator('.details-name').textContent()).toBe('GET /cart/{id}');
    // Typing into the inspector loaded nothing as a file.
    expect(await page.getByTestId('load-errors').textContent()).not.toContain('paste');
  });

  it('points at the wrong character of an invalid value', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('open-context').click();
    await page.getByTestId('context-input').fill('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902B7-01');
    await expect.poll(() => page.getByTestId('context-result').textContent()).toContain('traceparent: invalid');
    const caret = await page.locator('.caret').first().textContent();
    expect(caret).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902B7-01\n${' '.repeat(50)}^`);
    expect(await page.getByTestId('context-result').textContent()).toContain('column 50: parent-id must be lowercase hex');
  });

  it("finds the caller's span once the file holding its trace is loaded after the header was pasted", async () => {
    const w = new SdkWorld(88);
    const root = w.start('billing', { name: 'POST /invoice', kind: SpanKind.SERVER, startMs: 0 });
    const client = w.span('billing', { name: 'POST /ledger', kind: SpanKind.CLIENT, startMs: 1, endMs: 4 }, root);
    root.end([1714564800, 5_000_000]);
    const { traceId, spanId } = client.spanContext();
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('open-context').click();
    await page.getByTestId('context-input').fill(`traceparent: 00-${traceId}-${spanId}-01`);
    const located = page.getByTestId('context-located');
    await expect.poll(() => located.textContent()).toContain('is not in the loaded data');
    await page.getByTestId('file-input').setInputFiles([{ name: 'billing.json', mimeType: 'application/json', buffer: Buffer.from(w.otlpJson()) }]);
    await expect.poll(() => located.textContent(), { timeout: 10_000 }).toBe('Found: the caller\'s span is "POST /ledger" in billing.');
    await page.getByTestId('context-jump').click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(spanId);
  });
});
