// The Score panel: the Instrumentation Score overall and per service, each rule's status, and a failing rule
// jumping to its first span.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { chooseJson, ROW, TRACE_ROW } from './support/app-page.ts';
import { batchWorld } from './support/batch-world.ts';
import { useAppSession } from './support/session.ts';

describe('score panel', () => {
  const session = useAppSession();

  it('shows the score per service; a failing rule jumps to its first span', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const t = batchWorld();
    await page.getByTestId('file-input').setInputFiles([{ name: 'batch.json', mimeType: 'application/json', buffer: Buffer.from(t.json) }]);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await page.getByTestId('score-tab').click();
    const panel = page.getByTestId('score-panel');
    await expect.poll(() => panel.getByTestId('score-service').evaluateAll((els) => els.map((e) => e.getAttribute('data-service')))).toEqual(['(all services)', 'batch']);
    // evaluated 250 (RES-003 n/a: not on Kubernetes); SPA-001 (20) and SPA-004 (30) fail → 200/250 = 80
    expect(await panel.locator('[data-service="batch"] [data-testid="score-value"]').textContent()).toBe('80');
    const overall = panel.locator('[data-service="(all services)"]');
    const status = await overall.getByTestId('score-rule').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')}:${e.getAttribute('data-status')}`));
    expect(status).toEqual(['SPA-001:fail', 'SPA-002:pass', 'SPA-003:pass', 'SPA-004:fail', 'SPA-005:pass', 'RES-001:pass', 'RES-002:pass', 'RES-003:not-evaluable', 'RES-004:pass', 'RES-005:pass']);
    await overall.locator('[data-rule="SPA-004"] button').click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(t.rootId);
    await overall.locator('[data-rule="SPA-001"] button').click();
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id')).toBe(t.firstStepId);
  });

  it('draws the first 100 service cards, and the rest on request', async () => {
    // 150 services, each serving one request: 151 cards with the overall one.
    const w = new SdkWorld(33);
    for (let i = 0; i < 150; i++) w.span(`svc-${String(i).padStart(3, '0')}`, { name: 'GET /', kind: SpanKind.SERVER, startMs: i, endMs: i + 0.5 });
    const { page } = await session.open();
    await chooseJson(page, 'many.json', w.otlpJson());
    await expect.poll(() => page.locator('.counts').textContent()).toContain('150 traces');
    await page.getByTestId('score-tab').click();
    const panel = page.getByTestId('score-panel');
    const cards = panel.getByTestId('score-service');
    await expect.poll(() => cards.count()).toBe(100);
    await panel.getByTestId('show-more').click();
    await expect.poll(() => cards.count()).toBe(151);
    expect(await cards.last().getAttribute('data-service')).toBe('svc-149');
  });
});
