// Lint findings in the app: a trace made with the real SDK whose gateway span was never exported (so its
// callee is an orphan) and which uses a renamed attribute. The findings panel lists both rules, a click
// jumps to the span, and rows and details show the findings with their explanation.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

function sloppy(): { json: string; serverId: string } {
  const w = new SdkWorld(5);
  const lost = w.start('gateway', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 0 });
  const call = w.start('gateway', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1 }, lost);
  const server = w.span('orders', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 2, endMs: 8, attributes: { 'http.method': 'GET' } }, w.hop(call).context);
  w.span('orders', { name: 'SELECT orders', kind: SpanKind.CLIENT, startMs: 3, endMs: 6 }, server);
  return { json: w.otlpJson(), serverId: server.spanContext().spanId };
}

describe('findings in the app', () => {
  const session = useAppSession();

  it('the demo has no warnings; a sloppy trace shows its findings, and a click jumps to the span', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('findings-tab').click();
    const panel = page.getByTestId('findings-panel');
    await panel.locator('button', { hasText: 'warnings+' }).click();
    expect(await panel.locator('[data-testid="finding-group"]').count()).toBe(0);

    const t = sloppy();
    await page.getByTestId('file-input').setInputFiles([{ name: 'sloppy.json', mimeType: 'application/json', buffer: Buffer.from(t.json) }]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await expect.poll(() => panel.locator('[data-testid="finding-group"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(expect.arrayContaining(['orphan-span', 'deprecated-attribute']));
    expect(await page.getByTestId('trace-findings').textContent()).toMatch(/\d+ findings?/);
    expect(await page.locator(`${ROW}[data-span-id="${t.serverId}"] [data-testid="finding-badge"]`).count()).toBe(1);

    await panel.locator('[data-rule="deprecated-attribute"] .finding-head').click();
    await panel.locator('[data-rule="deprecated-attribute"] [data-testid="finding-item"]').first().click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(t.serverId);
    const details = page.getByTestId('span-findings');
    await expect.poll(() => details.textContent()).toContain('deprecated-attribute');
    expect(await details.textContent()).toContain('http.request.method');
    expect(await details.textContent()).toContain('Renamed key; current dashboards and backends look for the new one.');
  });
});
