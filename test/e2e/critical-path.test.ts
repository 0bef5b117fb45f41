// The critical path of the demo's checkout, highlighted in the waterfall: the spans marked on screen are
// exactly those the core's algorithm (Jaeger UI's) puts on the path; a second click hides it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/core/graph/critical-path.ts';
import { loadDataset } from '../../src/core/load-dataset.ts';
import { waterfallColumns } from '../../src/core/model/waterfall.ts';
import { chooseJson, ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';
import { loopsWorld } from '../support/loops-world.ts';

function expectedCriticalSpanIds(): string[] {
  const ds = loadDataset([{ name: 'demo.json', bytes: new Uint8Array(readFileSync(new URL('../../public/demo/demo.otlp.json', import.meta.url))) }]);
  const trace = ds.traces[0]!;
  const cols = waterfallColumns(ds, trace);
  return [...new Set(criticalPath(trace, cols.startNs, cols.durNs).map((c) => cols.spanIds[c.row]!))].sort();
}

describe('critical path in the waterfall', () => {
  const session = useAppSession();

  it('marks exactly the spans on the path, and hides them again', async () => {
    const expected = expectedCriticalSpanIds();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('critical-path-toggle').click();
    const marked = () => page.$$eval(`${'[data-testid="waterfall-row"]'}.critical`, (rows) => rows.map((r) => r.getAttribute('data-span-id') ?? '').sort());
    await expect.poll(marked).toEqual(expected);
    expect(await page.locator('[data-testid="critical-section"]').count()).toBeGreaterThanOrEqual(expected.length);
    await page.getByTestId('critical-path-toggle').click();
    await expect.poll(marked).toEqual([]);
  });

  it('outlines a folded fan the path runs through, and not one it passes by', async () => {
    const { page } = await session.open();
    await chooseJson(page, 'loops.json', loopsWorld().otlpJson());
    const fanRow = (name: string) => page.locator(`${ROW}:has([data-testid="fan-label"]:text-matches("${name}$"))`);
    await fanRow('SELECT item').waitFor();
    await page.getByTestId('critical-path-toggle').click();
    await expect.poll(() => fanRow('SELECT item').getByTestId('critical-fan').count()).toBe(1);
    expect(await fanRow('SELECT item').getAttribute('class')).toContain('critical');
    // The retries' own time is not on the path, the calls under them are.
    expect(await fanRow('retry').getByTestId('critical-fan').count()).toBe(1);
    expect(await fanRow('cache get').getByTestId('critical-fan').count()).toBe(0);
    expect(await fanRow('cache get').getAttribute('class')).not.toContain('critical');
  });
});
