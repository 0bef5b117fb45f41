// Decoding a file made to be slow: a chain of spans whose ids all share one pool hash (test/support/
// colliding-ids.ts), next to the same chain with ordinary ids, in the same run. Before the pools bounded
// their probes (decode/slot-table.ts), each crafted id walked every earlier one: 40,000 spans took 4.6 s
// against 0.2 s (a scratch run), so this section would not finish at 100k. The assembly's id table
// (model/id-keys.ts) mixes ids the same way and bounds its probes too: unbounded, 20,000 crafted spans took
// 4.6-5.5 s to assemble against 0.15 s.
import { runLint } from '../src/core/lint/engine.ts';
import { ALL_RULES } from '../src/core/lint/index.ts';
import { findPii, findSecret, maskVolatile, volatileTokens } from '../src/core/lint/rules/patterns.ts';
import { loadDataset } from '../src/core/load-dataset.ts';
import { hostileSpans, hostileStrings } from '../test/support/hostile-strings.ts';
import { dataset } from '../test/support/lint-records.ts';
import { chainOfIds } from '../test/support/colliding-ids.ts';
import { fmt, row, timeInTurns } from './measure.ts';

export async function benchHostileIds(numSpans: number, runs = 5): Promise<string[]> {
  const ordinary = chainOfIds(numSpans, false);
  const crafted = chainOfIds(numSpans, true);
  const out = [row(`${numSpans.toLocaleString('en-US')}-span chain, median of ${runs}`, 'ordinary ids', 'crafted ids', 'ratio')];
  for (const [label, pick, name] of [['OTLP/JSON', (c: typeof ordinary) => c.json, 'x.json'], ['OTLP/protobuf', (c: typeof ordinary) => c.proto, 'x.pb']] as const) {
    const [base, hostile] = await timeInTurns(
      runs, false,
      () => loadDataset([{ name, bytes: pick(ordinary) }]).numSpans,
      () => loadDataset([{ name, bytes: pick(crafted) }]).numSpans,
    );
    if (base.result !== numSpans || hostile.result !== numSpans) throw new Error('decoded span count differs');
    out.push(row(`${label} decode + assemble`, fmt(base.ms), fmt(hostile.ms), `${(hostile.ms / base.ms).toFixed(2)}×`));
  }
  return out;
}

/**
 * Text made to make a decoder's patterns backtrack (src/core/README.md, "Patterns over input"): one long line
 * each, at two lengths. Time that doubles with the length is linear; the patterns these replaced quadrupled
 * it (before: a 40,000-character line of blanks took 0.26 s to decode, of quotes 1.0 s, and a 20,000-character
 * event line 0.29 s; at these lengths that is hours).
 */
const HOSTILE_TEXT: ReadonlyArray<[label: string, make: (n: number) => string]> = [
  ['.NET console: a tag line of blanks', (n) => `Activity.TraceId:            0af7651916cd43dd8448eb211c80319c\nActivity.SpanId:             b7ad6b7169203331\nActivity.DisplayName:        x\nActivity.Tags:\n${' '.repeat(n)}x\n`],
  ['Java logging: a line of quotes', (n) => `INFO: 'GET /' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 SERVER [tracer: io.x:1.0] AttributesMap{data={}, capacity=128, totalAddedValues=0}\n${"'".repeat(n)}\n`],
  ['.NET console: an event line of " ["', (n) => `Activity.TraceId:            0af7651916cd43dd8448eb211c80319c\nActivity.SpanId:             b7ad6b7169203331\nActivity.Events:\n  ${' ['.repeat(n / 2)}x\n`],
];

export async function benchHostileText(numChars = 2_000_000, runs = 5): Promise<string[]> {
  const out = [row(`one crafted line, median of ${runs}`, `${(numChars / 1e6).toFixed(0)}M chars`, `${((2 * numChars) / 1e6).toFixed(0)}M chars`, 'ratio')];
  for (const [label, make] of HOSTILE_TEXT) {
    const [short, long] = [make(numChars), make(2 * numChars)].map((text) => new TextEncoder().encode(text));
    const [a, b] = await timeInTurns(runs, false, () => loadDataset([{ name: 'x.txt', bytes: short! }]).numSpans, () => loadDataset([{ name: 'x.txt', bytes: long! }]).numSpans);
    if (a.result !== b.result) throw new Error(`${label}: the two lengths gave different span counts`);
    out.push(row(label, fmt(a.ms), fmt(b.ms), `${(b.ms / a.ms).toFixed(2)}×`));
  }
  return out;
}

/**
 * The lint rules' detectors and a lint of a span per string, over strings made to make their patterns
 * backtrack (test/support/hostile-strings.ts), at two lengths under SCAN_CHARS (64 KiB: the detectors read
 * no further). A quadratic email pattern took minutes at 200k characters; linear detectors take about twice
 * as long at twice the length (1.87x, a scratch run). A time limit in lint-c.test.ts guarded this before;
 * times belong here, where the machine's noise is seen against the other length.
 */
export async function benchHostileLint(numChars = 30_000, runs = 5): Promise<string[]> {
  const lintAll = (strings: string[]): number => {
    for (const s of strings) {
      findSecret(s);
      findPii(s);
      volatileTokens(s);
      maskVolatile(s);
    }
    return runLint(dataset(hostileSpans(strings)), ALL_RULES).length;
  };
  // The detectors remember answers per string: each run gets strings of its own (one more leading blank).
  let round = 0;
  const fresh = (n: number): string[] => hostileStrings(n).map((s) => `${' '.repeat(++round % 64)}${s}`);
  const [short, long] = await timeInTurns(runs, false, () => lintAll(fresh(numChars)), () => lintAll(fresh(2 * numChars)));
  return [
    row(`lint detectors on crafted strings, median of ${runs}`, `${numChars / 1000}k chars`, `${(2 * numChars) / 1000}k chars`, 'ratio'),
    row('16 strings: detectors + lint of a span each', fmt(short.ms), fmt(long.ms), `${(long.ms / short.ms).toFixed(2)}×`),
  ];
}
