// Shared pieces of the fuzz campaign. `npm test` runs a bounded campaign; `npm run fuzz` sets FUZZ_RUNS high.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDataset } from '../../src/core/load-dataset.ts';
import type { Dataset } from '../../src/core/model/assemble.ts';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Every committed fixture file (any format), as the seed corpus for mutations. */
export function seedCorpus(): Array<{ name: string; bytes: Uint8Array }> {
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(ts|md)$/.test(entry) && statSync(path).size < 512 * 1024) out.push({ name: path.slice(root.length), bytes: new Uint8Array(readFileSync(path)) });
    }
  };
  walk(root);
  return out;
}

/**
 * Loads hostile bytes and checks the promises every decoder makes: it returns (no throw, no stack
 * overflow), every problem is a value naming where, and no decoder stopped on an exception it did not expect.
 */
export function loadHostile(name: string, bytes: Uint8Array): Dataset {
  const ds = loadDataset([{ name, bytes }]);
  for (const input of ds.inputs) {
    for (const e of input.errors) {
      expect(e.message, `${name}: a decoder threw instead of reporting`).not.toMatch(/^decoder stopped/);
      expect(e.where.length).toBeGreaterThan(0);
    }
  }
  // The assembled model is consistent whatever came in.
  let numRows = 0;
  for (const t of ds.traces) {
    numRows += t.numRows + t.exactDuplicates.length;
    for (let row = 0; row < t.numRows; row++) {
      expect(t.subtreeEnd[row]).toBeGreaterThan(row);
      expect(t.subtreeEnd[row]).toBeLessThanOrEqual(t.numRows);
    }
  }
  expect(numRows).toBe(ds.spans.length);
  return ds;
}
