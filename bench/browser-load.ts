// Loads a 100k-span OTLP/JSON file (made by the real SDK) into the BUILT app through its file input, in
// headless Chromium, and reports: the longest main-thread task during the load (PerformanceObserver
// 'longtask'), the time from choosing the file to the first waterfall row of the new data, and, measured
// in the same page and run, the main thread's own JSON.parse of the same bytes as a baseline.
// It builds nothing: run `npx vite build` first. Run: npx tsx bench/browser-load.ts [numSpans] [spansPerTrace] [repeating|unique]
// (the last: how often attribute values repeat, bench/gen.ts ValueShape).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, DIST_DIR, ROW } from '../test/e2e/support/app-page.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer, STRICT_CSP } from '../test/e2e/support/static-server.ts';
import { generateSpans, type ValueShape } from './gen.ts';
import { installPageProbes, waitForLoadFindings } from './page-probes.ts';
import { fmt } from './measure.ts';
import { attachWorker } from './worker-heap.ts';

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

const server = await startStaticServer({ root: process.env.DIST ?? DIST_DIR, csp: STRICT_CSP });
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(server.appUrl);
  await page.locator(ROW).first().waitFor();
  await installPageProbes(page);
  const worker = await attachWorker(await browser.context.newCDPSession(page));
  const heapBefore = await worker?.usedBytes(true);
  const demoFindings = (await page.getByTestId('findings-tab').textContent()) ?? '';
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="waterfall-row"][data-span-id="${id}"]`) !== null, firstRootId, { timeout: 600_000, polling: 'raf' });
  const firstRowAt = await page.evaluate(() => performance.now());
  // Let the trace list and waterfall settle, then read the figures and take the baseline.
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(async (rowAt): Promise<PageFigures> => {
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
  // The worker's heap once linting is done (the Findings tab's count changes from the demo's), collected.
  await waitForLoadFindings(page, demoFindings, 600_000);
  const heapAfter = await worker?.usedBytes(true);
  const counts = await page.locator('.counts').textContent();
  console.log(`loaded: ${counts?.trim()}`);
  console.log(`time to first waterfall row of the new file:   ${fmt(figures.firstRowMs)}`);
  console.log(`longest main-thread task during the load:      ${fmt(figures.longestTaskMs)} (${figures.numLongTasks} tasks over 50 ms)`);
  console.log(`longest animation frame during the load:       ${fmt(figures.longestFrameMs)} (0 = none over 50 ms)`);
  console.log(`baseline: page JSON.parse of the same bytes:   ${fmt(figures.parseMs)} (on the main thread, after the load)`);
  console.log(`check: the observer saw the baseline parse as a ${fmt(figures.parseTaskMs)} task${figures.parseTaskMs > 0 ? '' : ' — NOT SEEN: the long-task figure is not trustworthy'}`);
  console.log(`verdict: longest task ${figures.longestTaskMs <= 200 ? 'within' : 'OVER'} the 200 ms budget`);
  // Chromium compresses pointers to 4 bytes; node 20 (npm run bench) does not, so its figures run higher.
  // Typed-array columns (16 B/span of times) live outside the JS heap and are not in this figure.
  const perSpan = heapBefore && heapAfter ? `${Math.round((heapAfter - heapBefore) / spans.length)} B/span` : 'n/a (no worker found)';
  console.log(`worker JS heap held for the load once linted:  ${perSpan} (model, findings, indexes; collected first)`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
