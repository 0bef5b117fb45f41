// A small trace used by several tests:
// root
//   a
//     a1
//     a2
//   b
//     b1
import { handDataset } from './hand-records.ts';

export function smallTree() {
  return handDataset([
    { id: 'root', startMs: 0, endMs: 100 },
    { id: 'a', parent: 'root', startMs: 1, endMs: 50 },
    { id: 'a1', parent: 'a', startMs: 2, endMs: 10 },
    { id: 'a2', parent: 'a', startMs: 11, endMs: 20 },
    { id: 'b', parent: 'root', startMs: 60, endMs: 90 },
    { id: 'b1', parent: 'b', startMs: 61, endMs: 70 },
  ]);
}
