// Export from the app: the demo's open trace downloads as OTLP/JSON that reads back as the same spans, and
// as Chrome trace JSON.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/load-dataset.ts';
import { ROW, waterfallSpanIds } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

describe('export', () => {
  const session = useAppSession();

  it('downloads the open trace as OTLP/JSON and as Chrome trace JSON', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const shown = await waterfallSpanIds(page);
    const save = async (testId: string): Promise<string> => {
      await page.getByTestId('export-open').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const otlp = await save('export-otlp-json-trace');
    const ds = loadDataset([{ name: 'exported.json', bytes: new TextEncoder().encode(otlp) }]);
    expect(ds.inputs[0]!.format).toBe('otlp-json');
    expect(ds.spans.map((s) => s.spanId).sort()).toEqual([...shown].sort());
    const chrome = JSON.parse(await save('export-chrome-trace-trace')) as { traceEvents: Array<{ ph: string }> };
    expect(chrome.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(shown.length);
  });
});
