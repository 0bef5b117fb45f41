// The real-world dumps in ../shared/corpus (never copied into the repo). Tests skip with a clear message
// when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = resolve(process.env.TRACELENS_SHARED ?? resolve(repoRoot, '../shared'), 'corpus');
export const HAS_CORPUS = existsSync(resolve(CORPUS_DIR, 'EXPECT'));

/** EXPECT lines: `file spans`. */
export function corpusExpectations(): Array<{ file: string; numSpans: number }> {
  if (!HAS_CORPUS) return [];
  return readFileSync(resolve(CORPUS_DIR, 'EXPECT'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/))
    .map(([file, n]) => ({ file: file!, numSpans: Number(n) }));
}

export function corpusFile(file: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(CORPUS_DIR, file)));
}
