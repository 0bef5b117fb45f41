// The whole pipeline for callers that hold every input at once (the CLI, tests): load each, assemble all.
import { assemble, type Dataset } from './model/assemble.ts';
import { DatasetBuilder } from './model/dataset-builder.ts';
import { loadInput, type LoadOptions } from './decode/load.ts';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function loadDataset(inputs: readonly NamedBytes[], options: LoadOptions = {}): Dataset {
  const builder = new DatasetBuilder();
  for (const input of inputs) loadInput(builder, input.name, input.bytes, options);
  builder.releasePool();
  return assemble(builder);
}
