// Once the page has opened its first data, the worker warms its decoder on a made-up export (workers/
// warm-up.ts) without touching what the page shows; `?warmup=off` leaves it cold; a file chosen while it
// runs stops it and loads as any other.
import { SpanKind } from '@opentelemetry/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WARM_UP_ROUNDS, WARM_UP_SPANS } from '../../workers/warm-up.ts';
import { SdkWorld } from '../support/sdk-world.ts';
import { chooseJson, ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

const warmUpState = (page: Page): Promise<Record<string, string | undefined>> => page.evaluate(() => ({ ...document.documentElement.dataset }));

describe('the worker warm-up', () => {
  const session = useAppSession();

  it('runs after the demo opens, and the demo stays as it was', async () => {
    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    const demoTraces = await page.locator(TRACE_ROW).allTextContents();
    const demoCounts = await page.locator('.counts').textContent();
    await expect.poll(async () => (await warmUpState(page)).warmUp, { timeout: 30_000 }).toBe('done');
    const state = await warmUpState(page);
    // Every round, each of the export as OTLP/JSON and as OTLP/protobuf.
    expect(Number(state.warmUpSpans)).toBe(WARM_UP_ROUNDS * 2 * WARM_UP_SPANS);
    expect(Number(state.warmUpMs)).toBeGreaterThan(0);
    expect(await page.locator(TRACE_ROW).allTextContents()).toEqual(demoTraces);
    expect(await page.locator('.counts').textContent()).toBe(demoCounts);
  });

  it('is not run with ?warmup=off', async () => {
    const { page } = await session.open('?warmup=off');
    await page.locator(ROW).first().waitFor();
    await expect.poll(async () => (await warmUpState(page)).warmUp).toBe('off');
  });

  it('stops for a file chosen while it runs, and the file loads whole', async () => {
    const world = new SdkWorld(31);
    const root = world.span('shop', { name: 'GET /during-warm-up', kind: SpanKind.SERVER, startMs: 0, endMs: 9 });
    world.span('shop', { name: 'SELECT items', kind: SpanKind.CLIENT, startMs: 1, endMs: 4 }, root);
    // Fifty rounds (~25 s here) keep it running while the file is chosen, however slow the machine.
    const { page } = await session.open('?warmup=50');
    await page.locator(ROW).first().waitFor();
    await expect.poll(async () => (await warmUpState(page)).warmUp, { interval: 5 }).toBe('running');
    await chooseJson(page, 'during.json', world.otlpJson());
    await expect.poll(() => page.locator(TRACE_ROW).allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('GET /during-warm-up')]);
    await expect.poll(() => page.locator(ROW).count()).toBe(2);
    await expect.poll(async () => (await warmUpState(page)).warmUp, { timeout: 10_000 }).toBe('stopped');
    expect(Number((await warmUpState(page)).warmUpSpans)).toBeLessThan(50 * 2 * 3000);
  });
});
