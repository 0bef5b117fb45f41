// Loads big OTLP JSON-lines files (spans made by the real SDK) into the BUILT app through its file input, in
// headless Chromium, in two shapes (issue #7): `numSpans` spans as traces of 100, and one trace of `hugeSpans`
// (default 200k; either 0 leaves its shape out).
// For each load: time to the first waterfall row of the new data, time until the load indicator goes, the
// longest main-thread task (PerformanceObserver 'longtask'), time until the findings arrive, and the worker's
// JS heap (CDP Runtime.getHeapUsage on the worker target), after the load and, collected, after a Clear. For
// the huge trace also: frame times while the waterfall scrolls, collapse-all latency, search latency (by
// name and by attribute value), and row clicks while the matches are marked. `DIST=<folder>` serves another
// build instead of dist/. Baselines from the same page and run: the page's own JSON.parse of the first
// 50 MB of the same JSON-lines text, and frame intervals on the idle page.
// It builds nothing: run `npx vite build` first (`npm run bench:browser:large` does).
// Run: npx tsx bench/browser-large.ts [numSpans] [hugeSpans]   (defaults 1,000,000 and 200,000)
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { assertBuilt, DIST_DIR, ROW } from '../test/e2e/support/app-page.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer, STRICT_CSP } from '../test/e2e/support/static-server.ts';
import { generateSpans } from './gen.ts';
import { installPageProbes, waitForLoadFindings } from './page-probes.ts';
import { fmt, row } from './measure.ts';
import { attachWorker } from './worker-heap.ts';

const numSpans = Number(process.argv[2] ?? process.env.BENCH_SPANS ?? 1_000_000);
const HUGE_TRACE = Number(process.argv[3] ?? process.env.BENCH_HUGE_SPANS ?? Math.min(200_000, numSpans));
const SLICE = 100_000;
const SPANS_PER_LINE = 1000;
const BASELINE_BYTES = 50 * 2 ** 20;
const SEARCH_NAME = 'SELECT shop.orders';
const SEARCH_VALUE = 'postgresql';
const LONG_WAIT = 30 * 60_000;
const step = (what: string): void => {
  if (process.env.BENCH_VERBOSE) console.log(`  ${new Date().toISOString()} ${what}`);
};
assertBuilt();

interface Written {
  readonly file: string;
  readonly numBytes: number;
  readonly rootIds: string[];
  /** Spans named SEARCH_NAME (what the in-trace search must count in the huge trace). */
  readonly numNamed: number;
}

/** Writes `total` SDK spans in traces of `perTrace` as JSON lines, one ExportTraceServiceRequest per line. */
function writeJsonLines(file: string, total: number, perTrace: number, seed: number): Written {
  writeFileSync(file, '');
  const rootIds: string[] = [];
  let numBytes = 0;
  let numNamed = 0;
  // A trace never spans two slices: generateSpans starts a new set of traces per call.
  const slice = Math.max(perTrace, SLICE);
  for (let done = 0; done < total; done += slice) {
    const { world, spans } = generateSpans(Math.min(slice, total - done), perTrace, seed + done);
    for (const s of spans) {
      if (!s.parentSpanContext) rootIds.push(s.spanContext().spanId);
      if (s.name === SEARCH_NAME) numNamed++;
    }
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += SPANS_PER_LINE) lines.push(world.otlpJson(spans.slice(at, at + SPANS_PER_LINE)));
    const text = `${lines.join('\n')}\n`;
    appendFileSync(file, text);
    numBytes += Buffer.byteLength(text);
  }
  return { file, numBytes, rootIds, numNamed };
}

interface LoadFigures {
  readonly firstRowMs: number;
  /** The first row once the load is done (no first look shown any more). */
  readonly loadedRowMs: number;
  /** Whether the first row was the load's first look (see workers/load-preview.ts). */
  readonly sawPreview: boolean;
  /** A row clicked in the first look: time to its details, and whether the load still ran then. */
  readonly firstLookDetails: { readonly ms: number; readonly stillLoading: boolean } | null;
  readonly loadedMs: number;
  readonly findingsMs: number;
  readonly numLongTasks: number;
  readonly longestTaskMs: number;
  readonly workerHeapMiB: number | null;
  readonly counts: string;
}

/** The worker's used JS heap via CDP; `collect`: after full collections, else what it holds right then. */
async function workerHeapMiB(cdp: CDPSession, collect = false): Promise<number | null> {
  const bytes = await (await attachWorker(cdp))?.usedBytes(collect);
  return bytes === undefined || bytes === null ? null : bytes / 2 ** 20;
}

/** Clicks Clear, then reads the worker's JS heap after full collections: what it keeps of data gone. */
async function heapAfterClear(page: Page): Promise<number | null> {
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.waitForFunction(() => (document.querySelector('.counts')?.textContent ?? '').includes('nothing loaded'), undefined, { timeout: LONG_WAIT });
  return workerHeapMiB(await page.context().newCDPSession(page), true);
}

async function openFreshPage(url: string, context: Awaited<ReturnType<typeof launchBrowser>>['context']): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ROW).first().waitFor();
  await installPageProbes(page);
  return page;
}

/** Clicks the third row and times its details (the worker answers between chunks of the load). */
async function detailsOfClickedRow(page: Page): Promise<LoadFigures['firstLookDetails']> {
  const row = page.locator(ROW).nth(2);
  const spanId = (await row.getAttribute('data-span-id')) ?? '';
  const clickedAt = await page.evaluate(() => performance.now());
  await row.click();
  const shownAt = await page
    .waitForFunction((id) => (document.querySelector('[data-testid="span-details"]')?.textContent?.includes(id) ? performance.now() : 0), spanId, { timeout: LONG_WAIT, polling: 'raf' })
    .then((h) => h.jsonValue());
  return { ms: shownAt - clickedAt, stillLoading: (await page.getByTestId('load-preview').count()) > 0 };
}

async function load(page: Page, written: Written): Promise<LoadFigures> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate((ids) => { (window as unknown as Record<string, unknown>).__roots = new Set(ids); }, written.rootIds);
  const demoFindings = (await page.getByTestId('findings-tab').textContent()) ?? '';
  await page.getByTestId('file-input').setInputFiles(written.file);
  // The first row of the new data: a root of the new file is drawn (the demo is replaced, not kept).
  // A big load shows a first look while it decodes (workers/load-preview.ts): its first row counts, and
  // the first row once the first look is gone (the load's own data) is timed too.
  const rootDrawnAt = (afterLoad: boolean) =>
    page.waitForFunction((after) => {
      if (after && document.querySelector('[data-testid="load-preview"]')) return 0;
      const roots = (window as unknown as { __roots: Set<string> }).__roots;
      for (const r of document.querySelectorAll('[data-testid="waterfall-row"]')) if (roots.has(r.getAttribute('data-span-id') ?? '')) return performance.now();
      return 0;
    }, afterLoad, { timeout: LONG_WAIT, polling: 'raf' }).then((h) => h.jsonValue());
  const firstRowAt = await rootDrawnAt(false);
  const sawPreview = (await page.getByTestId('load-preview').count()) > 0;
  step('first row');
  const firstLookDetails = sawPreview ? await detailsOfClickedRow(page) : null;
  const loadedRowAt = await rootDrawnAt(true);
  await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: LONG_WAIT });
  step('indicator gone');
  const loadedAt = await page.evaluate(() => performance.now());
  // Linting runs after the first trace is drawn; its findings come last.
  await waitForLoadFindings(page, demoFindings, LONG_WAIT);
  const findingsAt = await page.evaluate(() => performance.now());
  step('findings');
  const workerHeap = await workerHeapMiB(cdp).catch(() => null);
  await page.waitForTimeout(500);
  const tasks = await page.evaluate((end) => {
    const w = window as unknown as { __tasks: Array<{ start: number; duration: number }>; __chosenAt: number };
    const during = w.__tasks.filter((t) => t.start >= w.__chosenAt && t.start <= end);
    return { chosenAt: w.__chosenAt, num: during.length, longest: during.reduce((m, t) => Math.max(m, t.duration), 0) };
  }, findingsAt);
  return {
    firstRowMs: firstRowAt - tasks.chosenAt,
    loadedRowMs: loadedRowAt - tasks.chosenAt,
    sawPreview,
    firstLookDetails,
    loadedMs: loadedAt - tasks.chosenAt,
    findingsMs: findingsAt - tasks.chosenAt,
    numLongTasks: tasks.num,
    longestTaskMs: tasks.longest,
    workerHeapMiB: workerHeap,
    counts: `${(await page.locator('.counts').textContent())?.trim() ?? ''}; ${(await page.getByTestId('findings-tab').textContent()) ?? ''}`,
  };
}

interface Frames { readonly num: number; readonly p50: number; readonly p95: number; readonly max: number; readonly scrolledPx: number }

/** Frame intervals over ~2 s by requestAnimationFrame; with `stepPx` > 0 the waterfall scrolls that much per frame. */
async function sampleFrames(page: Page, stepPx: number): Promise<Frames> {
  return page.evaluate((step) => new Promise<Frames>((ok) => {
    const el = document.querySelector('.waterfall-scroll') as HTMLElement;
    const start = el.scrollTop;
    const dts: number[] = [];
    let last = -1;
    let t0 = -1;
    const onFrame = (now: number): void => {
      if (last >= 0) dts.push(now - last);
      else t0 = now;
      last = now;
      if (now - t0 < 2000) {
        if (step > 0) el.scrollTop += step;
        requestAnimationFrame(onFrame);
        return;
      }
      const s = [...dts].sort((a, b) => a - b);
      const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
      ok({ num: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? 0, scrolledPx: el.scrollTop - start });
    };
    requestAnimationFrame(onFrame);
  }), stepPx);
}

/**
 * Collapse all, then search by name and by attribute value: each from the user's event (capture phase) to the
 * DOM showing the answer. Then clicks on rows while the value search's matches are marked.
 */
async function interact(page: Page, numNamed: number): Promise<{ collapseMs: number; searchMs: number; searchText: string; valueSearchMs: number; valueSearchText: string; clickMs: { median: number; max: number } }> {
  await page.evaluate(() => (document.querySelector('.waterfall-scroll') as HTMLElement).scrollTo(0, 0));
  await page.getByTestId('collapse-all').click();
  const collapsedAt = await (await page.waitForFunction(() => (document.querySelectorAll('[data-testid="waterfall-row"]').length === 1 ? performance.now() : 0), undefined, { timeout: LONG_WAIT, polling: 'raf' })).jsonValue();
  const clickAt = await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  await page.getByTestId('expand-all').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="waterfall-row"]').length > 10, undefined, { timeout: LONG_WAIT });
  await page.locator('.waterfall-scroll').focus();
  await page.keyboard.press('Control+f');
  const byName = await timedSearch(page, SEARCH_NAME, numNamed);
  // Every query span carries db.system.name = "postgresql", and no other text holds it.
  const byValue = await timedSearch(page, SEARCH_VALUE, numNamed);
  const clickMs = await clicksWhileMarked(page);
  return { collapseMs: collapsedAt - clickAt, searchMs: byName.ms, searchText: byName.text, valueSearchMs: byValue.ms, valueSearchText: byValue.text, clickMs };
}

/**
 * With the last search's matches marked, far down the trace: the median and longest time from clicking a
 * row to the second frame after (the selection painted), over eight rows. Each drawn row asks whether it is
 * a match on every store update.
 */
async function clicksWhileMarked(page: Page): Promise<{ median: number; max: number }> {
  await page.locator('.waterfall-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.9));
  await page.waitForTimeout(500);
  const times = await page.evaluate(async () => {
    const out: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t = performance.now();
      document.querySelectorAll<HTMLElement>('[data-testid="waterfall-row"]')[5 + i]!.click();
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      out.push(performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 150));
    }
    return out.sort((a, b) => a - b);
  });
  return { median: times[4]!, max: times[7]! };
}

/** Types `text` into the open search box; the time from the input event to the count of `want` matches shown. */
async function timedSearch(page: Page, text: string, want: number): Promise<{ ms: number; text: string }> {
  const input = page.getByTestId('search-input');
  await input.waitFor();
  // Start from an empty box, so the count shown is this search's and not the last one's.
  await input.fill('');
  await page.waitForFunction(() => !/\/ [1-9]\d*$/.test(document.querySelector('[data-testid="search-count"]')?.textContent ?? ''), undefined, { timeout: LONG_WAIT });
  await input.fill(text);
  const foundAt = await (await page.waitForFunction((n) => {
    const m = /\/ (\d+)$/.exec(document.querySelector('[data-testid="search-count"]')?.textContent ?? '');
    return m !== null && Number(m[1]) === n ? performance.now() : 0;
  }, want, { timeout: LONG_WAIT, polling: 'raf' })).jsonValue();
  const inputAt = await page.evaluate(() => (window as unknown as { __inputAt: number }).__inputAt);
  return { ms: foundAt - inputAt, text: (await page.getByTestId('search-count').textContent()) ?? '' };
}

/** The page's own JSON.parse of the first 50 MB of the chosen file, line by line, in one timer task. */
async function parseBaseline(page: Page): Promise<{ ms: number; numRequests: number; numBytes: number }> {
  return page.evaluate(async (limit) => {
    const w = window as unknown as { __file: File; __parseAt: number };
    const text = await w.__file.slice(0, limit).text();
    const lines = text.slice(0, text.lastIndexOf('\n')).split('\n');
    return new Promise<{ ms: number; numRequests: number; numBytes: number }>((ok) => setTimeout(() => {
      const p0 = performance.now();
      w.__parseAt = p0;
      let n = 0;
      for (const line of lines) n += (JSON.parse(line) as { resourceSpans: unknown[] }).resourceSpans.length;
      const ms = performance.now() - p0;
      ok({ ms, numRequests: n, numBytes: lines.reduce((b, l) => b + l.length + 1, 0) });
    }, 0));
  }, BASELINE_BYTES);
}

const MiB = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`;
const rate = (bytes: number, ms: number): string => `${(bytes / 2 ** 20 / (ms / 1000)).toFixed(1)} MiB/s`;

const dir = mkdtempSync(join(tmpdir(), 'tracelens-bench-large-'));
const server = await startStaticServer({ root: process.env.DIST ?? DIST_DIR, csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  const shapes = [
    { label: `${(numSpans / 100).toLocaleString('en-US')} traces of 100`, total: numSpans, perTrace: 100, seed: 99, isHuge: false },
    { label: `1 trace of ${HUGE_TRACE.toLocaleString('en-US')}`, total: HUGE_TRACE, perTrace: HUGE_TRACE, seed: 5_000_000, isHuge: true },
  ].filter((shape) => shape.total > 0);
  const lines: string[] = [];
  let baselineDone = false;
  for (const shape of shapes) {
    const t0 = performance.now();
    const written = writeJsonLines(join(dir, `bench-${shape.total}-${shape.perTrace}.jsonl`), shape.total, shape.perTrace, shape.seed);
    console.log(`${shape.label}: generated with the real SDK in ${fmt(performance.now() - t0)}: ${MiB(written.numBytes)} OTLP JSON lines`);
    const page = await openFreshPage(server.appUrl, browser.context);
    const f = await load(page, written);
    console.log(`  loaded: ${f.counts}`);
    lines.push('', row(`${shape.label} (${MiB(written.numBytes)})`, 'figure'));
    lines.push(row(`  time to first waterfall row${f.sawPreview ? ' (first look, still loading)' : ''}`, fmt(f.firstRowMs)));
    if (f.firstLookDetails) {
      const { ms, stillLoading } = f.firstLookDetails;
      lines.push(row(`  a first-look row's details${stillLoading ? ' (loading)' : ' (loaded)'}`, fmt(ms)));
    }
    lines.push(row('  time to first row of the loaded data', fmt(f.loadedRowMs)));
    lines.push(row('  load indicator gone (total load)', fmt(f.loadedMs)));
    lines.push(row('    = app read+decode rate', rate(written.numBytes, f.loadedMs)));
    lines.push(row('  findings counted (lint done)', fmt(f.findingsMs)));
    lines.push(row('  longest main-thread task', fmt(f.longestTaskMs)));
    lines.push(row('  main-thread tasks over 50 ms', String(f.numLongTasks)));
    lines.push(row('  worker JS heap after load', f.workerHeapMiB === null ? 'n/a' : `${f.workerHeapMiB.toFixed(0)} MiB`));
    if (!baselineDone) {
      baselineDone = true;
      const idle = await sampleFrames(page, 0);
      const parse = await parseBaseline(page);
      lines.push('', row('baselines (same page, same run)', 'figure'));
      lines.push(row(`  page JSON.parse of the first ${MiB(parse.numBytes)}`, fmt(parse.ms)));
      // Long-task entries arrive after the task ends: then the observer must have seen the parse.
      await page.waitForTimeout(300);
      const parseTaskMs = await page.evaluate(() => {
        const w = window as unknown as { __tasks: Array<{ start: number; duration: number }>; __parseAt: number };
        return w.__tasks.filter((t) => t.start >= w.__parseAt - 5).reduce((m, t) => Math.max(m, t.duration), 0);
      });
      lines.push(row('    = JSON.parse rate', rate(parse.numBytes, parse.ms)));
      lines.push(row('    → whole file at that rate (estimate)', fmt((parse.ms * written.numBytes) / parse.numBytes)));
      lines.push(row('    check: long-task observer saw the parse', parseTaskMs > 0 ? fmt(parseTaskMs) : parse.ms > 50 ? 'NOT SEEN' : 'under 50 ms'));
      lines.push(row('  idle page frame p50/p95/max', `${idle.p50.toFixed(1)}/${idle.p95.toFixed(1)}/${idle.max.toFixed(1)} ms`));
    }
    if (shape.isHuge) {
      // Similar siblings start folded into fans (the root's 20k direct children here): unfold everything so
      // the scroll goes over every row.
      const shownBefore = (await page.locator('.waterfall-title .muted').textContent()) ?? '';
      await page.getByTestId('expand-all').click();
      await page.waitForFunction(() => !(document.querySelector('.waterfall-title .muted')?.textContent ?? ' shown').includes(' shown'), undefined, { timeout: LONG_WAIT });
      const shownAfter = (await page.locator('.waterfall-title .muted').textContent()) ?? '';
      await page.waitForTimeout(500);
      const idle = await sampleFrames(page, 0);
      const scroll = await sampleFrames(page, 400);
      const acts = await interact(page, written.numNamed);
      lines.push(row('  waterfall title on open', shownBefore));
      lines.push(row('  after expand all', shownAfter));
      lines.push(row('  idle frame p50/p95/max (baseline)', `${idle.p50.toFixed(1)}/${idle.p95.toFixed(1)}/${idle.max.toFixed(1)} ms`));
      lines.push(row(`  scroll frame p50/p95/max (${scroll.num} frames)`, `${scroll.p50.toFixed(1)}/${scroll.p95.toFixed(1)}/${scroll.max.toFixed(1)} ms`));
      lines.push(row('    scrolled', `${(scroll.scrolledPx / 1000).toFixed(0)}k px`));
      lines.push(row('  collapse all → 1 row in the DOM', fmt(acts.collapseMs)));
      lines.push(row(`  search "${SEARCH_NAME}" → count shown`, fmt(acts.searchMs)));
      lines.push(row('    search count shown', acts.searchText));
      lines.push(row(`  search attribute value "${SEARCH_VALUE}" → count shown`, fmt(acts.valueSearchMs)));
      lines.push(row('    search count shown', acts.valueSearchText));
      lines.push(row('  row click → painted (p50 / max), marked', `${fmt(acts.clickMs.median)} / ${fmt(acts.clickMs.max)}`));
    }
    const cleared = await heapAfterClear(page);
    lines.push(row('  worker JS heap after Clear (collected)', cleared === null ? 'n/a' : `${cleared.toFixed(0)} MiB`));
    await page.close();
    rmSync(written.file, { force: true });
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
