// `npm run bench`: every benchmark in one run, printed as a table. Figures are medians; each is shown next
// to a baseline measured in the same run (machines are shared and noisy: compare ratios across runs).
import { benchDecode } from './decode.ts';
import { seedShapes } from '../src/core/warm/seed-shapes.ts';
import { benchGraph } from './graph.ts';
import { benchHostileIds, benchHostileLint, benchHostileText } from './hostile.ts';
import { benchLint } from './lint.ts';
import { benchMemory } from './memory.ts';
import { benchTraceQL } from './traceql.ts';
import { targetLines } from './targets.ts';
import { benchWaterfall } from './waterfall.ts';

const numSpans = Number(process.env.BENCH_SPANS ?? 100_000);
/** Each section starts on a collected heap: the 1M-span datasets of one must not be swept during the next. */
const settle = (): void => (globalThis as { gc?: () => void }).gc?.();
console.log(`Tracelens benchmarks — node ${process.version}, ${numSpans.toLocaleString('en-US')} spans\n`);
// Loads in one process, as the app's worker does after its warm-up: the maps of a load's objects are kept
// between loads (src/core/warm/keep-shapes.ts). BENCH_SEED=0 measures without, each load then compiling its
// hot code again after the collection before it.
if (process.env.BENCH_SEED !== '0') seedShapes();
console.log(`maps of a load's objects kept between loads (keep-shapes.ts): ${process.env.BENCH_SEED === '0' ? 'no (BENCH_SEED=0)' : 'yes'}\n`);
console.log('## decode (OTLP from the real SDK)');
for (const line of await benchDecode(numSpans)) console.log(line);
settle();
console.log('\n## hostile input: span ids crafted to share one pool hash, lines crafted to make patterns backtrack');
for (const line of await benchHostileIds(numSpans)) console.log(line);
console.log('');
for (const line of await benchHostileText()) console.log(line);
console.log('');
for (const line of await benchHostileLint()) console.log(line);
settle();
console.log('\n## resident memory (JS heap + ArrayBuffers held by the decoded model)');
for (const line of benchMemory(numSpans)) console.log(line);
settle();
console.log('\n## lint');
for (const line of await benchLint(numSpans)) console.log(line);
settle();
console.log('\n## graph views (10k-span trace)');
for (const line of benchGraph()) console.log(line);
settle();
console.log('\n## TraceQL (1M spans unless BENCH_TRACEQL_SPANS)');
for (const line of benchTraceQL()) console.log(line);
settle();
console.log('\n## the waterfall of one huge trace (1M rows unless BENCH_WATERFALL_SPANS)');
for (const line of await benchWaterfall()) console.log(line);
console.log("\n## issue #7's targets, judged on this run (✗: a figure that misses its target)");
for (const line of targetLines()) console.log(line);
