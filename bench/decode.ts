// Decode + assemble of real-SDK spans as OTLP/JSON and OTLP/protobuf, next to JSON.parse of the same bytes and
// a plain protobufjs reflection decode of the same bytes, at 100k spans and (unless BENCH_DECODE_1M=0) 1M;
// beside them, the floor of a protobuf decode that reads only a row's fields into columns (proto-floor.ts)
// and a sketch of the columnar model that also assembles the rows (columnar-sketch.ts, checked against ours);
// at 100k also with a value of its own per span (gen.ts ValueShape), as real spans carry.
// Each baseline and its counterpart run in turns, round by round (measure.ts timeInTurns), so a busy spell
// of the shared machine slows both alike.
import { loadChunkedDataset, loadDataset } from '../src/core/load-dataset.ts';
import { tracesDataType } from '../test/support/otlp-proto-schema.ts';
import { generateSpans, type ValueShape } from './gen.ts';
import { columnarRows, sameRows } from './columnar-sketch.ts';
import { RowColumns, skimRows } from './proto-floor.ts';
import { fmt, row, timeInTurns } from './measure.ts';
import { noteContext, noteFigure, sizeLabel } from './targets.ts';

export async function benchDecode(numSpans: number, runs = 7): Promise<string[]> {
  const out = await decodeAt(numSpans, runs, false, 'repeating');
  out.push('', ...(await decodeAt(numSpans, runs, false, 'unique')));
  if (process.env.BENCH_DECODE_1M !== '0' && numSpans < 1_000_000) out.push('', ...(await decodeAt(1_000_000, 3, true, 'repeating')));
  return out;
}

/** The SDK's spans as both encodings; the SDK objects themselves are left behind for the collector. */
function encoded(numSpans: number, values: ValueShape): { json: Uint8Array; proto: Uint8Array; numGenerated: number } {
  const { world, spans } = generateSpans(numSpans, 100, 99, values);
  return { json: new TextEncoder().encode(world.otlpJson(spans)), proto: world.otlpProto(spans), numGenerated: spans.length };
}

/** `collect`: a full collection before each run (see timeInTurns), named in the table's heading. */
async function decodeAt(numSpans: number, runs: number, collect: boolean, values: ValueShape): Promise<string[]> {
  const out: string[] = [];
  const t0 = performance.now();
  const { json, proto, numGenerated } = encoded(numSpans, values);
  (globalThis as { gc?: () => void }).gc?.();
  out.push(`generated ${numGenerated.toLocaleString('en-US')} spans with the real SDK in ${fmt(performance.now() - t0)}: OTLP/JSON ${(json.length / 2 ** 20).toFixed(1)} MiB, OTLP/protobuf ${(proto.length / 2 ** 20).toFixed(1)} MiB`);

  // Each run gives back only a count, so no run's result is alive while another is timed (see timeInTurns).
  const [parse, ours, chunked] = await timeInTurns(
    runs, collect,
    () => (JSON.parse(new TextDecoder().decode(json)) as { resourceSpans: unknown[] }).resourceSpans.length,
    () => loadDataset([{ name: 'x.json', bytes: json }]).numSpans,
    () => inChunks('x.json', json),
  );
  const type = tracesDataType();
  const [reflect, oursPb, floor, sketch] = await timeInTurns(
    runs, collect,
    () => (type.decode(proto) as unknown as { resourceSpans: unknown[] }).resourceSpans.length,
    () => loadDataset([{ name: 'x.pb', bytes: proto }]).numSpans,
    () => skimRows(proto, new RowColumns(numGenerated)),
    () => columnarRows(proto, numGenerated).order.length,
  );
  if (ours.result !== numGenerated || chunked.result !== numGenerated || oursPb.result !== numGenerated || floor.result !== numGenerated || sketch.result !== numGenerated) throw new Error('decoded span count differs');
  if (!sameRows(columnarRows(proto, numGenerated), loadDataset([{ name: 'x.pb', bytes: proto }]))) throw new Error('the columnar sketch laid out other rows than the model');
  if (parse.result !== reflect.result) throw new Error('the baselines read different numbers of resourceSpans');

  const shape = values === 'unique' ? ', unique values' : '';
  const label = `${sizeLabel(numGenerated)}${values === 'unique' ? ' unique values' : ''}`;
  noteFigure('json', label, ours.ms / parse.ms);
  noteContext('json', `${label} in 8 MiB chunks (the app's and the CLI's way) ${(chunked.ms / parse.ms).toFixed(2)}×`);
  noteFigure('proto', label, oursPb.ms / reflect.ms);
  noteContext('proto', `${label} floor ${(floor.ms / reflect.ms).toFixed(2)}×, columnar sketch ${(sketch.ms / reflect.ms).toFixed(2)}×`);
  out.push(row(`${numGenerated.toLocaleString('en-US')} spans${shape}, median of ${runs}${collect ? ', gc first' : ''}`, 'time', 'spans/s', 'ratio', 'first run', 'ratio'));
  const line = (label: string, t: { ms: number; firstMs: number }, base: { ms: number; firstMs: number }): string =>
    row(label, fmt(t.ms), rate(numGenerated, t.ms), `${(t.ms / base.ms).toFixed(2)}×`, fmt(t.firstMs), `${(t.firstMs / base.firstMs).toFixed(2)}×`);
  out.push(line('JSON.parse (TextDecoder + parse), baseline', parse, parse));
  out.push(line('Tracelens OTLP/JSON decode + assemble', ours, parse));
  out.push(line('the same, read in 8 MiB chunks', chunked, parse));
  out.push(line('protobufjs reflection decode, baseline', reflect, reflect));
  out.push(line('Tracelens OTLP/protobuf decode + assemble', oursPb, reflect));
  out.push(line('floor: a row\'s fields into columns only', floor, reflect));
  out.push(line('sketch: the floor + rows assembled in columns', sketch, reflect));
  return out;
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}`;
}

/**
 * Decode + assemble of `bytes` through the CLI's entry, loadChunkedDataset, in 8 MiB chunks as the app's worker
 * (read-chunks.ts) and the CLI (cli/io.ts) read a file: each chunk copied into one reused buffer first, as a
 * file read fills it. The chunks' ends are where a decoder that reads past its buffer pays (json-bytes.ts byteAt).
 * As a file, the input can be read again whole (`whole`) if the OTLP/JSON scanner gives up on it, so its
 * pieces are not kept for that chance: neither the worker (a File) nor the CLI (a path) keeps them. Without
 * `whole` every piece was copied into one buffer of the input's size, 35 ms of a 100k-span load (node).
 */
async function inChunks(name: string, bytes: Uint8Array): Promise<number> {
  const chunkBytes = 8 * 1024 * 1024;
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    const buffer = new Uint8Array(chunkBytes);
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      const piece = bytes.subarray(at, at + chunkBytes);
      buffer.set(piece);
      yield buffer.subarray(0, piece.length);
    }
  };
  return (await loadChunkedDataset([{ name, size: bytes.length, chunks, whole: () => Promise.resolve(bytes) }])).numSpans;
}
