// A big JSON-lines file chosen with the file input streams in: the indicator shows MB read of the total,
// MB/s and spans so far; Cancel stops it, the indicator goes, and the file loaded before is still listed.
// SDK-made spans; the big file repeats SDK-made lines (repeated spans load as duplicates, which does not
// matter here: the load is cancelled long before its end).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { gzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSpans } from '../../bench/gen.ts';
import { SdkWorld } from '../support/sdk-world.ts';
import { ROW, TRACE_ROW } from './support/app-page.ts';
import { useAppSession } from './support/session.ts';

/** Writes `data` to a file of its own for the file input; the browser reads a chosen file lazily from disk, so it is kept until the test is done. */
function fileForTest(name: string, data: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-e2e-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

describe('streaming a big JSON-lines file', () => {
  const session = useAppSession();

  it('shows MB/s while it reads, and Cancel stops it keeping what was loaded before', async () => {
    const first = new SdkWorld(21);
    first.span('first-service', { name: 'GET /first-file', kind: SpanKind.SERVER, startMs: 0, endMs: 5 });
    const { world, spans } = generateSpans(20_000, 100, 77);
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
    const block = `${lines.join('\n')}\n`;
    const big = fileForTest('big.jsonl', block.repeat(12));
    expect(block.length * 12).toBeGreaterThan(100 * 2 ** 20);

    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'first.json', mimeType: 'application/json', buffer: Buffer.from(first.otlpJson()) }]);
    await expect.poll(() => page.locator(TRACE_ROW).allTextContents()).toEqual([expect.stringContaining('GET /first-file')]);

    await page.getByTestId('file-input').setInputFiles(big);
    const progress = page.getByTestId('load-progress');
    await progress.waitFor({ timeout: 10_000 });
    // Bytes read of the total, the rate and spans so far, while the file is still being read.
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/decoding big\.jsonl · [\d.]+ MB of [\d.]+ MB · [\d.]+ MB\/s · [1-9][\d,]* spans/);
    // The whole line is the text's title, for when a narrow window cuts it (read at once: it changes).
    const [shown, title] = await page.evaluate(() => {
      const text = document.querySelector('.load-progress-text');
      return [text?.textContent, text?.getAttribute('title')];
    });
    expect(title).toBe(shown);
    // While it loads the toolbar clips no control and overlaps none, and the rate and spans so far are
    // on screen, not cut off, on a wide and a narrow window.
    expect(await toolbarLayoutProblems(page)).toEqual([]);
    expect(await progressFiguresShown(page)).toMatch(/^[\d.]+ MB\/s · [1-9][\d,]* spans$/);
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await toolbarLayoutProblems(page)).toEqual([]);
    expect(await progressFiguresShown(page)).toMatch(/^[\d.]+ MB\/s · [1-9][\d,]* spans$/);
    // By keyboard: the Cancel button takes focus and Enter presses it.
    await page.getByTestId('load-cancel').focus();
    await page.keyboard.press('Enter');
    await progress.waitFor({ state: 'detached', timeout: 10_000 });

    // The first file's trace is still listed and opens; the cancelled file says what happened to it.
    await expect.poll(() => page.locator(TRACE_ROW).filter({ hasText: 'GET /first-file' }).count(), { timeout: 10_000 }).toBe(1);
    const inputs = page.getByTestId('load-errors');
    await expect.poll(() => inputs.textContent(), { timeout: 10_000 }).toMatch(/loading cancelled after [\d.]+ MB of [\d.]+ MB; the \d+ spans decoded before it are kept/);
    await page.locator(TRACE_ROW).filter({ hasText: 'GET /first-file' }).click();
    await expect.poll(() => page.locator(ROW).allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('GET /first-file')]);
  });

  it('shows a first look at a big file while it decodes, and its traces once the load ends', async () => {
    // 40,000 SDK spans in traces of 100, 200 spans a line, ten times over: past the 64 MiB from which a
    // load gets a first look (the repeats load as duplicate spans; the load is cancelled before them).
    const { world, spans } = generateSpans(40_000, 100, 31);
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
    const block = `${lines.join('\n')}\n`;
    expect(block.length * 10).toBeGreaterThan(160 * 2 ** 20);
    const earliestRoot = spans.filter((s) => !s.parentSpanContext).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])[0]!;
    const file = fileForTest('big.jsonl', block.repeat(10));

    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles(file);
    const note = page.getByTestId('load-preview');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toMatch(/Still loading: a first look at the first [\d,]+ spans read/);
    // No findings count claims the first look is clean: they are being checked, and come with the loaded data.
    expect(await page.getByTestId('findings-tab').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByTestId('findings-tab').textContent()).toBe('Findings …');
    expect(await page.getByTestId('load-errors').textContent()).toContain('Loading: each input is listed here');
    // The first look opens the earliest trace read so far, root first, while the file is still read.
    await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 10_000 }).toBe(earliestRoot.spanContext().spanId);
    // A span clicked in the first look shows its details at once, from the first look: the load still runs.
    const clicked = await page.locator(ROW).nth(2).getAttribute('data-span-id');
    await page.locator(ROW).nth(2).click();
    await expect.poll(() => page.getByTestId('span-details').textContent(), { timeout: 10_000 }).toContain(clicked!);
    expect(await note.isVisible()).toBe(true);
    // Every text the Findings tab shows from now on: the lint's progress, then the count.
    await page.evaluate(() => {
      const tab = document.querySelector('[data-testid="findings-tab"]')!;
      const seen: string[] = ((window as unknown as { __tabTexts: string[] }).__tabTexts = []);
      new MutationObserver(() => seen.push(tab.textContent ?? '')).observe(tab, { subtree: true, childList: true, characterData: true });
    });
    // (The load indicator, and its Cancel, come once a load has taken 250 ms.)
    await page.getByTestId('load-cancel').click();
    // The load's end replaces the first look with what was loaded, keeps the same earliest trace open and
    // selects the clicked span again, with its details.
    await note.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.counts').textContent(), { timeout: 10_000 }).toMatch(/[\d,]+ traces · [\d,]+ spans/);
    await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id')).toBe(earliestRoot.spanContext().spanId);
    await expect.poll(() => page.locator(`${ROW}[aria-selected="true"]`).getAttribute('data-span-id'), { timeout: 10_000 }).toBe(clicked);
    await expect.poll(() => page.getByTestId('span-details').textContent(), { timeout: 10_000 }).toContain(clicked!);
    await expect.poll(() => page.getByTestId('findings-tab').textContent(), { timeout: 30_000 }).toMatch(/^Findings [1-9]\d{0,2}(,\d{3})*$/);
    expect(await page.getByTestId('findings-tab').getAttribute('aria-busy')).toBe('false');
    // Linting what was loaded took long enough to show how far it had got.
    const texts = await page.evaluate(() => (window as unknown as { __tabTexts: string[] }).__tabTexts);
    expect(texts.some((t) => /^Findings \d{1,2}%$/.test(t))).toBe(true);
  });

  it('reads a file past 64 MiB to its end, each chunk into the one buffer the worker reuses, losing no span', async () => {
    // 20,000 SDK spans in traces of 100, nine times over with the trace ids' first digit made the copy's
    // number: 1,800 distinct traces, ~75 MB, read with Blob.stream() 8 MiB at a time (workers/read-chunks.ts).
    const { world, spans } = generateSpans(20_000, 100, 53);
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
    const block = `${lines.join('\n')}\n`;
    const copies = Array.from({ length: 9 }, (_, k) => block.replace(/"traceId":"[0-9a-f]/g, `"traceId":"${k}`));
    const text = copies.join('');
    expect(text.length).toBeGreaterThan(64 * 2 ** 20);
    const file = fileForTest('whole.jsonl', text);

    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => page.locator('.counts').textContent(), { timeout: 60_000 }).toBe('1,800 traces · 180,000 spans');
    // A chunk overwritten while a decoder still held it would show as spans lost, bad JSON or broken framing.
    const inputs = await page.getByTestId('load-errors').textContent();
    expect(inputs).toMatch(/whole\.jsonlotlp-jsonl · 180,000 spans/);
    expect(inputs).not.toMatch(/problem|error|not valid/i);
  });

  it('decodes a big OTLP/JSON document while it is read: a first look before the end, then every span', async () => {
    // The same 20,000 SDK spans nine times over, distinct trace ids, in ONE document (~75 MB): its spans come
    // as the worker reads it (json-scan-frames.ts), 8 MiB at a time into one reused buffer, so a span cut by a
    // chunk's end is kept and read with the next chunk.
    const { world, spans } = generateSpans(20_000, 100, 54);
    const doc = world.otlpJson(spans);
    const head = '{"resourceSpans":[';
    expect(doc.startsWith(head) && doc.endsWith(']}')).toBe(true);
    const body = doc.slice(head.length, -2);
    const copies = Array.from({ length: 9 }, (_, k) => body.replace(/"traceId":"[0-9a-f]/g, `"traceId":"${k}`));
    const text = `${head}${copies.join(',')}]}`;
    expect(text.length).toBeGreaterThan(64 * 2 ** 20);
    const file = fileForTest('whole.json', text);

    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    // Every progress text shown, to see spans counted before the last byte is read.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      new MutationObserver(() => {
        const text = document.querySelector('.load-progress-text')?.textContent;
        if (text && text !== seen.at(-1)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('load-preview').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.counts').textContent(), { timeout: 60_000 }).toBe('1,800 traces · 180,000 spans');
    // Read whole first, as a document was before, it counted no span until every byte was in.
    const shown = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const early = shown.filter((t) => {
      const m = /([\d.]+) MB of ([\d.]+) MB .*· ([\d,]+) spans/.exec(t);
      return m !== null && Number(m[1]) < Number(m[2]) && Number(m[3]!.replaceAll(',', '')) > 0;
    });
    expect(early.length, shown.join('\n')).toBeGreaterThan(0);
    const inputs = await page.getByTestId('load-errors').textContent();
    expect(inputs).toMatch(/whole\.jsonotlp-json · 180,000 spans/);
    expect(inputs).not.toMatch(/problem|error|not valid/i);
  });

  it('streams a gzipped JSON-lines file too: a first look while it inflates, and Cancel keeps what was read', async () => {
    // 40,000 SDK spans, each with a value of its own, seven times over: ~12 MB gzipped, which counts eight
    // times against the 64 MiB from which a load gets a first look (workers/load-preview.ts).
    const { world, spans } = generateSpans(40_000, 100, 47, 'unique');
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += 200) lines.push(world.otlpJson(spans.slice(at, at + 200)));
    const gz = gzipSync(new TextEncoder().encode(`${lines.join('\n')}\n`.repeat(7)), { level: 1 });
    expect(gz.length * 8).toBeGreaterThan(64 * 2 ** 20);
    expect(gz.length).toBeLessThan(64 * 2 ** 20);
    const earliestRoot = spans.filter((s) => !s.parentSpanContext).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])[0]!;
    const file = fileForTest('traces.jsonl.gz', gz);

    const { page } = await session.open();
    await page.locator(ROW).first().waitFor();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('load-preview').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 10_000 }).toBe(earliestRoot.spanContext().spanId);
    await page.getByTestId('load-cancel').click();
    await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 30_000 });
    // The sizes are the file's (compressed) bytes; the spans are those inflated and decoded before the stop.
    await expect.poll(() => page.getByTestId('load-errors').textContent(), { timeout: 10_000 }).toMatch(/traces\.jsonl\.gzotlp-jsonl · [1-9][\d,]* spans.*loading cancelled after [\d.]+ MB of [\d.]+ MB; the [1-9]\d* spans decoded before it are kept/);
    await expect.poll(() => page.locator(ROW).first().getAttribute('data-span-id'), { timeout: 10_000 }).toBe(earliestRoot.spanContext().spanId);
  });
});

/** Toolbar controls cut off (narrower than their content, or past the window's edge) or drawn over each other. */
function toolbarLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll('.toolbar button, .toolbar .file-picker, .toolbar .counts, .load-progress-bar')];
    const problems: string[] = [];
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || r.right > window.innerWidth + 0.5) problems.push(`clipped: ${el.textContent?.trim()}`);
    }
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!.getBoundingClientRect();
        const b = controls[j]!.getBoundingClientRect();
        if (!controls[i]!.contains(controls[j]!) && a.left < b.right - 0.5 && b.left < a.right - 0.5) problems.push(`overlap: ${controls[i]!.textContent?.trim()} / ${controls[j]!.textContent?.trim()}`);
      }
    }
    return problems;
  });
}

/**
 * The load indicator's rate and span count ("41.2 MB/s · 1,204,000 spans") when the whole of it is drawn
 * inside the window and inside every box around it that clips; otherwise what cuts it off.
 */
function progressFiguresShown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const indicator = document.querySelector('[data-testid="load-progress"]')!;
    const walker = document.createTreeWalker(indicator, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const found = /[\d.]+ MB\/s · [\d,]+ spans/.exec(text);
      if (!found) continue;
      const range = document.createRange();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      const drawn = range.getBoundingClientRect();
      if (drawn.right > window.innerWidth + 0.5) return `past the window's edge: ${found[0]}`;
      for (let box = node.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === 'visible') continue;
        const clip = box.getBoundingClientRect();
        if (drawn.left < clip.left - 0.5 || drawn.right > clip.right + 0.5) return `cut off by ${box.className}: ${found[0]}`;
      }
      return found[0];
    }
    return `no rate and span count in: ${indicator.textContent}`;
  });
}
