// Loads a 100k-span OTLP/JSON file (made by the real SDK) into the BUILT app through its file input, in
// headless Chromium, and reports: the longest main-thread task during the load (PerformanceObserver
// 'longtask'), the time from choosing the file to the first waterfall row of the new data, and, measured
// in the same page and run, the main thread's own JSON.parse of the same bytes as a baseline; over
// BENCH_ROUNDS rounds (default 5) of three pages in turn, each a new page: one whose worker does not warm its
// decoder (`?warmup=off`: its code cold), one that chooses the file as soon as the demo is drawn (the file
// stops the worker's warm-up, workers/warm-up.ts, part-way), and one that waits for the warm-up to end first,
// as a page open for a second or two has; with the medians of the rounds' ratios for each.
// It builds nothing: run `npx vite build` first. Run: npx tsx bench/browser-load.ts [numSpans] [spansPerTrace] [repeating|unique]
// (the last: how often attribute values repeat, bench/gen.ts ValueShape).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertBuilt, DIST_DIR, ROW } from '../test/e2e/support/app-page.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer, STRICT_CSP } from '../test/e2e/support/static-server.ts';
import { generateSpans, type ValueShape } from './gen.ts';
import { installPageProbes, waitForLoadFindings } from './page-probes.ts';
import { fmt, median } from './measure.ts';
import { attachWorker } from './worker-heap.ts';
import { BYTES_PER_ROW } from '../src/core/model/span-columns.ts';

interface PageFigures {
  readonly numLongTasks: number;
  readonly longestTaskMs: number;
  readonly firstRowMs: number;
  readonly parseMs: number;
  readonly numBytes: number;
  /** The long task the observer reported for the baseline parse itself: proof the observer works here. */
  readonly parseTaskMs: number;
  readonly longestFrameMs: number;
}

const numSpans = Number(process.argv[2] ?? process.env.BENCH_SPANS ?? 100_000);
// 100 spans per trace by default (1,000 traces); pass numSpans again for one huge trace.
const spansPerTrace = Number(process.argv[3] ?? 100);
const values: ValueShape = process.argv[4] === 'unique' ? 'unique' : 'repeating';
assertBuilt();

const t0 = performance.now();
const { world, spans } = generateSpans(numSpans, spansPerTrace, 99, values);
const json = world.otlpJson(spans);
// The earliest trace opens first; its root is the span without a parent that starts first.
const roots = spans.filter((s) => !s.parentSpanContext).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
const firstRootId = roots[0]!.spanContext().spanId;
const dir = mkdtempSync(join(tmpdir(), 'tracelens-bench-'));
const file = join(dir, `bench-${numSpans}.otlp.json`);
writeFileSync(file, json);
console.log(`generated ${spans.length.toLocaleString('en-US')} spans (${values} attribute values) with the real SDK in ${fmt(performance.now() - t0)}: ${(json.length / 2 ** 20).toFixed(1)} MiB OTLP/JSON`);

/**
 * Rounds of the load, each in a new page (a new worker, its JIT cold, as a user's first load is): one
 * load and one baseline parse make a ratio that swung from 1.6× to 2.7× between runs on this shared machine
 * (2026-12-01), too wide to say whether the 1.5× target is met. Each round's ratio pairs a load with the
 * parse taken right after it in the same page; the median of the rounds' ratios is the figure to judge.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
/**
 * How long the warmed page sits idle between its warm-up's end and the file (BENCH_IDLE_MS, default 0), as a
 * person takes to choose one: Chromium collects garbage in idle time, which used to throw the warm-up's
 * optimized code away with the maps of its loads' objects (src/core/warm/keep-shapes.ts).
 */
const IDLE_MS = Math.max(0, Number(process.env.BENCH_IDLE_MS ?? 0));

const server = await startStaticServer({ root: process.env.DIST ?? DIST_DIR, csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  // Each round loads the file in three new pages, in turn (see the header): the worker's state when the file comes.
  const modes = [
    { name: 'cold worker', label: 'cold worker (?warmup=off; the file chosen as the demo was drawn)', query: '?warmup=off', waitForWarmUp: false },
    { name: 'warming worker', label: 'warming worker (the file chosen as the demo was drawn: it stops the warm-up)', query: '', waitForWarmUp: false },
    { name: 'warmed worker', label: `warmed worker (the file chosen ${IDLE_MS > 0 ? `${IDLE_MS} ms after` : 'once'} the warm-up was done)`, query: '', waitForWarmUp: true },
  ] as const;
  const byMode: PageFigures[][] = modes.map(() => []);
  const warmUps: string[] = [];
  for (let round = 0; round < ROUNDS * modes.length; round++) {
    const modeIdx = round % modes.length;
    const mode = modes[modeIdx]!;
    const page = await browser.context.newPage();
    await page.goto(`${server.appUrl}${mode.query}`);
    await page.locator(ROW).first().waitFor();
    if (mode.waitForWarmUp) {
      await page.waitForFunction(() => document.documentElement.dataset.warmUp === 'done', null, { timeout: 60_000 });
      warmUps.push((await page.evaluate(() => document.documentElement.dataset.warmUpMs)) ?? '?');
      if (IDLE_MS > 0) await page.waitForTimeout(IDLE_MS);
    }
    await installPageProbes(page);
    // The first round also reads the worker's heap (the CDP session costs the load nothing measurable).
    const worker = round === 0 ? await attachWorker(await browser.context.newCDPSession(page)) : null;
    const heapBefore = await worker?.usage(true);
    const demoFindings = (await page.getByTestId('findings-tab').textContent()) ?? '';
    await page.getByTestId('file-input').setInputFiles(file);
    const figures = await firstRowFigures(page);
    byMode[modeIdx]!.push(figures);
    console.log(`round ${Math.floor(round / modes.length) + 1}, ${mode.name}: first row ${fmt(figures.firstRowMs)}, page JSON.parse ${fmt(figures.parseMs)}, ${(figures.firstRowMs / figures.parseMs).toFixed(2)}×; longest main-thread task ${fmt(figures.longestTaskMs)}`);
    if (round === 0) {
      // The worker's heap once linting is done (the Findings tab's count changes from the demo's), collected.
      await waitForLoadFindings(page, demoFindings, 600_000);
      const heapAfter = await worker?.usage(true);
      console.log(`loaded: ${(await page.locator('.counts').textContent())?.trim()}`);
      // Chromium compresses pointers to 4 bytes; node 20 (npm run bench) does not, so its figures run higher.
      // Typed arrays (the span table's columns, attributes kept as bytes, search indexes) live outside the JS
      // heap: measured where Chromium says (backingStorageSize), else the columns' bytes per row are added.
      const perSpan = (after: number, before: number): string => `${Math.round((after - before) / spans.length)} B/span`;
      console.log(`worker JS heap held for the load once linted:  ${heapBefore && heapAfter ? perSpan(heapAfter.used, heapBefore.used) : 'n/a (no worker found)'} (model, findings, indexes; collected first)`);
      if (heapBefore?.backing != null && heapAfter?.backing != null) {
        console.log(`  + array buffers outside the heap:            ${perSpan(heapAfter.backing, heapBefore.backing)} (the span table's columns, ${BYTES_PER_ROW} B/span, attributes kept as bytes, indexes)`);
      } else console.log(`  + the span table's columns outside the heap: ${BYTES_PER_ROW} B/span (span-columns.ts BYTES_PER_ROW)`);
    }
    await page.close();
  }
  const all = byMode.flat();
  const worst = (pick: (f: PageFigures) => number): number => Math.max(...all.map(pick));
  console.log(`over ${ROUNDS} rounds of each (medians; each round a new page; the warm-ups took ${warmUps.join(' / ')} ms):`);
  modes.forEach((mode, modeIdx) => {
    const set = byMode[modeIdx]!;
    const ratios = set.map((f) => f.firstRowMs / f.parseMs);
    console.log(`${mode.label}:`);
    console.log(`  time to first waterfall row of the new file: ${fmt(median(set.map((f) => f.firstRowMs)))}`);
    console.log(`  baseline: page JSON.parse of the same bytes: ${fmt(median(set.map((f) => f.parseMs)))} (on the main thread, after the load)`);
    console.log(`  first row / page JSON.parse, per round:      ${ratios.map((r) => `${r.toFixed(2)}×`).join(' ')}; median ${median(ratios).toFixed(2)}× (target ≤ 1.5×)`);
  });
  console.log(`longest main-thread task during the load:      ${fmt(worst((f) => f.longestTaskMs))} (most in a round: ${worst((f) => f.numLongTasks)} tasks over 50 ms)`);
  console.log(`longest animation frame during the load:       ${fmt(worst((f) => f.longestFrameMs))} (0 = none over 50 ms)`);
  const unseen = all.filter((f) => f.parseTaskMs === 0).length;
  console.log(`check: the observer saw every baseline parse as a task${unseen === 0 ? '' : ` — NOT SEEN in ${unseen} rounds: the long-task figure is not trustworthy`}`);
  console.log(`verdict: longest task ${worst((f) => f.longestTaskMs) <= 200 ? 'within' : 'OVER'} the 200 ms budget`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Waits for the earliest trace's root row, then takes the long tasks of the load and the baseline parse. */
async function firstRowFigures(page: Page): Promise<PageFigures> {
  await page.waitForFunction((id) => document.querySelector(`[data-testid="waterfall-row"][data-span-id="${id}"]`) !== null, firstRootId, { timeout: 600_000, polling: 'raf' });
  const firstRowAt = await page.evaluate(() => performance.now());
  // Let the trace list and waterfall settle, then read the figures and take the baseline.
  await page.waitForTimeout(1000);
  return page.evaluate(async (rowAt): Promise<PageFigures> => {
    type Entry = { start: number; duration: number };
    const w = window as unknown as { __tasks: Entry[]; __frames: Entry[]; __chosenAt: number; __file: File };
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    const during = w.__tasks.filter((t) => t.start >= w.__chosenAt && t.start <= rowAt + 1000);
    const longestFrameMs = w.__frames.filter((t) => t.start >= w.__chosenAt && t.start <= rowAt + 1000).reduce((m, t) => Math.max(m, t.duration), 0);
    const text = await w.__file.text();
    // The baseline runs as a real task (a timer), as page work does; DevTools evaluation is not a task the
    // long-task observer reports.
    const timing = await new Promise<{ p0: number; parseMs: number }>((ok) =>
      setTimeout(() => {
        const p0 = performance.now();
        JSON.parse(text);
        ok({ p0, parseMs: performance.now() - p0 });
      }, 0),
    );
    const { p0, parseMs } = timing;
    // Long-task entries arrive after the task ends: give the observer a moment to report the parse.
    await new Promise((ok) => setTimeout(ok, 200));
    const parseTask = w.__tasks.filter((t) => t.start >= p0 - 5).reduce((m, t) => Math.max(m, t.duration), 0);
    return {
      longestFrameMs,
      parseTaskMs: parseTask,
      numLongTasks: during.length,
      longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
      firstRowMs: rowAt - w.__chosenAt,
      parseMs,
      numBytes: w.__file.size,
    };
  }, firstRowAt);
}
