// Lint settings in the app: disabling a rule removes its group from the findings panel and survives a
// reload (it lives in the URL hash); a threshold changes the findings; the panel filters by text and category
// and an expanded rule shows its longer explanation and source.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TRACE_ROW } from './support/app-page.ts';
import { batchWorld } from './support/batch-world.ts';
import { useAppSession } from './support/session.ts';

const world = batchWorld();
const groups = (page: Page): Promise<Array<string | null>> =>
  page.getByTestId('findings-panel').locator('[data-testid="finding-group"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

describe('lint settings', () => {
  const session = useAppSession(new Map([['/data/batch.otlp.json', world.json]]));
  const open = async (): Promise<Page> => {
    const { page } = await session.open(`?url=${encodeURIComponent(`${session.server.origin}/data/batch.otlp.json`)}`);
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await page.getByTestId('findings-tab').click();
    await expect.poll(() => groups(page)).toEqual(expect.arrayContaining(['root-is-client', 'too-many-internal-spans']));
    return page;
  };

  it('a disabled rule leaves the findings panel and stays disabled after a reload', async () => {
    const page = await open();
    await page.getByTestId('lint-settings-open').click();
    const dialog = page.getByTestId('lint-settings');
    await dialog.getByTestId('lint-settings-filter').fill('root-is');
    await dialog.locator('[data-rule="root-is-client"] [data-testid="lint-rule-toggle"]').uncheck();
    await dialog.getByTestId('lint-settings-filter').press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => groups(page)).not.toContain('root-is-client');
    expect(await groups(page)).toContain('too-many-internal-spans');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('lint.disable=root-is-client');

    await page.reload();
    await expect.poll(() => page.locator(TRACE_ROW).count()).toBe(1);
    await page.getByTestId('findings-tab').click();
    await expect.poll(() => groups(page)).toContain('too-many-internal-spans');
    expect(await groups(page)).not.toContain('root-is-client');
    await page.getByTestId('lint-settings-open').click();
    expect(await page.locator('[data-testid="lint-settings"] [data-rule="root-is-client"] [data-testid="lint-rule-toggle"]').isChecked()).toBe(false);
  });

  it('a threshold and a severity change the findings', async () => {
    const page = await open();
    expect(await groups(page)).not.toContain('trace-too-large');
    await page.getByTestId('lint-settings-open').click();
    const dialog = page.getByTestId('lint-settings');
    await dialog.locator('[data-key="trace-too-large.maxSpans"]').fill('5');
    await dialog.locator('[data-key="trace-too-large.maxSpans"]').press('Enter');
    await dialog.getByTestId('lint-settings-filter').fill('too-many-internal');
    await dialog.locator('[data-rule="too-many-internal-spans"] [data-testid="lint-rule-severity"]').selectOption('error');
    await dialog.getByTestId('lint-settings-close').click();
    await expect.poll(() => groups(page)).toContain('trace-too-large');
    await expect.poll(() => page.getByTestId('findings-panel').locator('[data-rule="too-many-internal-spans"]').getAttribute('class')).toContain('error');
    const hash = await page.evaluate(() => window.location.hash);
    expect(hash).toContain('lint.t=trace-too-large.maxSpans:5');
    expect(hash).toContain('lint.sev=too-many-internal-spans:error');
  });

  it('filters by text and category; an expanded rule shows why and its source', async () => {
    const page = await open();
    const panel = page.getByTestId('findings-panel');
    await panel.getByTestId('findings-category').selectOption('cost');
    await expect.poll(() => groups(page)).toEqual(['too-many-internal-spans']);
    await panel.getByTestId('findings-category').selectOption('');
    await panel.getByTestId('findings-text-filter').fill('CLIENT span');
    await expect.poll(() => groups(page)).toEqual(['root-is-client']);
    await panel.locator('[data-rule="root-is-client"] .finding-head').click();
    const why = panel.locator('[data-rule="root-is-client"] [data-testid="finding-why"]');
    expect(await why.textContent()).toMatch(/A trace normally starts where work enters a service/);
    expect(await why.textContent()).toContain('Source: instrumentation-score SPA-004');
  });
});
