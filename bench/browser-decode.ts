// Decode + assemble in headless Chromium, the engine the app's worker runs: the core bundled for a page
// (vite's library build of browser-decode-entry.ts), timed in turns against the page's own JSON.parse and a
// protobufjs reflection decode of the same bytes, as `npm run bench` does in node (bench/decode.ts). Both
// baselines are engine-bound, and Chromium's JSON.parse is much faster than node 20's on the same bytes, so
// the ratios here are the ones the app sees. Run: npx tsx bench/browser-decode.ts [numSpans] [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer } from '../test/e2e/support/static-server.ts';
import { generateSpans, type ValueShape } from './gen.ts';
import { fmt, row } from './measure.ts';

const numSpans = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'tracelens-bench-decode-'));

/** Medians and first runs, per name, of functions run once per round in turn (as measure.ts timeInTurns). */
type Timings = Record<string, { ms: number; firstMs: number; result: number }>;

try {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'browser-decode-entry.ts'), formats: ['iife'], name: 'tracelensBench', fileName: () => 'decode.js' },
    },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="decode.js"></script>');
  const shapes: ValueShape[] = ['repeating', 'unique'];
  for (const values of shapes) {
    const { world, spans } = generateSpans(numSpans, 100, 99, values);
    writeFileSync(join(dir, `${values}.json`), world.otlpJson(spans));
    writeFileSync(join(dir, `${values}.pb`), world.otlpProto(spans));
  }
  const server = await startStaticServer({ root: dir });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.appUrl);
    // tsx wraps named functions in `__name`, which the page lacks (see page-probes.ts).
    await page.evaluate('globalThis.__name = (f) => f');
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
    console.log(`decode + assemble in headless Chromium ${version}, ${numSpans.toLocaleString('en-US')} SDK spans, median of ${runs} runs in turns`);
    for (const values of shapes) {
      const t: Timings = await page.evaluate(async ({ values, runs }) => {
        type Bench = {
          loadDataset: (inputs: Array<{ name: string; bytes: Uint8Array }>) => { numSpans: number };
          tracesDataType: () => { decode: (b: Uint8Array) => { resourceSpans: unknown[] } };
        };
        const bench = (globalThis as unknown as { tracelensBench: Bench }).tracelensBench;
        const json = new Uint8Array(await (await fetch(`${values}.json`)).arrayBuffer());
        const proto = new Uint8Array(await (await fetch(`${values}.pb`)).arrayBuffer());
        const type = bench.tracesDataType();
        // Each returns a count only: no run's result stays alive while another runs.
        const fns: Record<string, () => number> = {
          parse: () => (JSON.parse(new TextDecoder().decode(json)) as { resourceSpans: unknown[] }).resourceSpans.length,
          json: () => bench.loadDataset([{ name: 'x.json', bytes: json }]).numSpans,
          reflect: () => type.decode(proto).resourceSpans.length,
          proto: () => bench.loadDataset([{ name: 'x.pb', bytes: proto }]).numSpans,
        };
        const samples: Record<string, number[]> = {};
        const results: Record<string, number> = {};
        for (let round = 0; round < runs; round++) {
          for (const [name, fn] of Object.entries(fns)) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            const t0 = performance.now();
            results[name] = fn();
            (samples[name] ??= []).push(performance.now() - t0);
          }
        }
        const out: Record<string, { ms: number; firstMs: number; result: number }> = {};
        for (const [name, s] of Object.entries(samples)) out[name] = { ms: [...s].sort((a, b) => a - b)[s.length >> 1]!, firstMs: s[0]!, result: results[name]! };
        return out;
      }, { values, runs });
      if (t.json!.result !== numSpans || t.proto!.result !== numSpans) throw new Error(`decoded ${t.json!.result} / ${t.proto!.result} spans of ${numSpans}`);
      if (t.parse!.result !== t.reflect!.result) throw new Error('the baselines read different numbers of resourceSpans');
      const line = (label: string, x: Timings[string], base: Timings[string]): string =>
        row(label, fmt(x.ms), `${(x.ms / base.ms).toFixed(2)}×`, fmt(x.firstMs), `${(x.firstMs / base.firstMs).toFixed(2)}×`);
      console.log(`\n${row(`${values} attribute values`, 'time', 'ratio', 'first run', 'ratio')}`);
      console.log(line('JSON.parse (TextDecoder + parse), baseline', t.parse!, t.parse!));
      console.log(line('Tracelens OTLP/JSON decode + assemble', t.json!, t.parse!));
      console.log(line('protobufjs reflection decode, baseline', t.reflect!, t.reflect!));
      console.log(line('Tracelens OTLP/protobuf decode + assemble', t.proto!, t.reflect!));
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
