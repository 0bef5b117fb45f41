// Everything a load gave, as one text two loads can be compared by: every span field (bigints as text), the
// input reports, and the readable tree (dumpDataset). The chunked, streamed and worker loads are each checked
// to give the text of the same bytes loaded whole.
import { assemble, type AssembleInput, type Dataset } from '../../src/core/model/assemble.ts';
import { dumpDataset } from '../../src/core/model/dump.ts';

const bigintSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

export function modelText(ds: Dataset): string {
  return JSON.stringify({ spans: ds.spans, inputs: ds.inputs }, bigintSafe) + dumpDataset(ds);
}

/** modelText of what a builder holds, assembled. */
export function builderModelText(b: AssembleInput): string {
  return modelText(assemble(b));
}

/** Spans alone as text (bigints as text). */
export function spansText(spans: Dataset['spans']): string {
  return JSON.stringify(spans, bigintSafe);
}
