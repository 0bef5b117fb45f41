// A file the user chooses is read in the file reader worker (workers/blob-read.worker.ts), ahead of its
// decoding in the trace worker; where that worker cannot start, the trace worker reads the file itself.
// SDK-made spans, as JSON lines.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSpans } from '../../bench/gen.ts';
import { READ_AHEAD_MARK } from '../../workers/blob-read-api.ts';
import { DIST_DIR, TRACE_ROW } from './support/app-page.ts';
import { BASE_PATH, useAppSession } from './support/session.ts';

const NUM_SPANS = 6000;

function spansFile(): string {
  const { world, spans } = generateSpans(NUM_SPANS, 100, 64);
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 500) lines.push(world.otlpJson(spans.slice(at, at + 500)));
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-e2e-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'spans.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function loadAndCount(page: Page): Promise<string> {
  await page.locator(TRACE_ROW).first().waitFor();
  await page.getByTestId('file-input').setInputFiles(spansFile());
  await expect.poll(() => page.locator('.counts').textContent(), { timeout: 30_000 }).toContain(`${NUM_SPANS.toLocaleString('en-US')} spans`);
  return (await page.locator('.counts').textContent()) ?? '';
}

describe('the file reader worker', () => {
  const session = useAppSession();

  it('reads the chosen file, ahead of the trace worker', async () => {
    const { page } = await session.open();
    expect(await loadAndCount(page)).toContain('60 traces');
    const reader = page.workers().find((w) => /blob-read\.worker-[\w-]+\.js$/.test(w.url()));
    expect(reader, 'the file reader worker runs').toBeDefined();
    expect(await reader!.evaluate((mark) => performance.getEntriesByName(mark).length, READ_AHEAD_MARK)).toBe(1);
  });
});

describe('without the file reader worker', () => {
  // Its script is not found (a copy of the app that lost the file): the worker fails to start.
  const assets = join(DIST_DIR, 'assets');
  const script = existsSync(assets) ? readdirSync(assets).find((f) => /^blob-read\.worker-[\w-]+\.js$/.test(f)) : undefined;
  const gone = new Map([[`${BASE_PATH}assets/${script ?? 'none'}`, (_req: unknown, res: { writeHead(code: number): void; end(): void }) => (res.writeHead(404), res.end())]]);
  const session = useAppSession(new Map(), gone);

  it('the trace worker reads the file itself', async () => {
    expect(script, 'the build has a file reader worker').toBeDefined();
    const { page } = await session.open('', { allowedErrors: [/404/] });
    expect(await loadAndCount(page)).toContain('60 traces');
    expect(page.workers().some((w) => w.url().includes('blob-read.worker'))).toBe(false);
  });
});
