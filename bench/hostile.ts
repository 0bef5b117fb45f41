// Decoding a file made to be slow: a chain of spans whose ids all share one pool hash (test/support/
// colliding-ids.ts), next to the same chain with ordinary ids, in the same run. Before the pools bounded
// their probes (decode/slot-table.ts), each crafted id walked every earlier one: 40,000 spans took 4.6 s
// against 0.2 s (a scratch run), so this section would not finish at 100k.
import { loadDataset } from '../src/core/load-dataset.ts';
import { chainOfIds } from '../test/support/colliding-ids.ts';
import { fmt, row, timeInTurns } from './measure.ts';

export async function benchHostileIds(numSpans: number, runs = 5): Promise<string[]> {
  const ordinary = chainOfIds(numSpans, false);
  const crafted = chainOfIds(numSpans, true);
  const out = [row(`${numSpans.toLocaleString('en-US')}-span chain, median of ${runs}`, 'ordinary ids', 'crafted ids', 'ratio')];
  for (const [label, pick, name] of [['OTLP/JSON', (c: typeof ordinary) => c.json, 'x.json'], ['OTLP/protobuf', (c: typeof ordinary) => c.proto, 'x.pb']] as const) {
    const [base, hostile] = await timeInTurns(
      runs, false,
      () => loadDataset([{ name, bytes: pick(ordinary) }]).spans.length,
      () => loadDataset([{ name, bytes: pick(crafted) }]).spans.length,
    );
    if (base.result !== numSpans || hostile.result !== numSpans) throw new Error('decoded span count differs');
    out.push(row(`${label} decode + assemble`, fmt(base.ms), fmt(hostile.ms), `${(hostile.ms / base.ms).toFixed(2)}×`));
  }
  return out;
}
