// The readable-dump check every fixture gets (compare speedscope's checkProfileSnapshot): decode under the
// real name, and again under the name `unknown` to prove content sniffing works without the file name.
import { expect } from 'vitest';
import { loadDataset } from '../../src/core/load-dataset.ts';
import { dumpDataset } from '../../src/core/model/dump.ts';

export function checkDumpSnapshot(name: string, bytes: Uint8Array, expectedFormat: string): string {
  const ds = loadDataset([{ name, bytes }]);
  const again = loadDataset([{ name: 'unknown', bytes }]);
  expect(ds.inputs[0]!.format).toBe(expectedFormat);
  expect(again.inputs[0]!.format).toBe(expectedFormat);
  const dump = dumpDataset(ds);
  expect(dumpDataset(again)).toBe(dump);
  expect(ds.inputs[0]!.errors.filter((e) => e.severity === 'error')).toEqual([]);
  return dump;
}
