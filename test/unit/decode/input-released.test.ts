// A loaded dataset must not keep its input's bytes alive: a 500 MB file would stay in memory for as long as
// its spans. The byte pools compare runs through a view of the last input they read (byte-pool.ts), and an
// OTLP/protobuf load with values of their own keeps two of the walker's pools with the dataset (the codec of
// its encoded attributes), so the walker lets go of its input at its end. A child node process (for
// --expose-gc) loads each form, keeps the dataset, collects, and says whether the input was collected.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const repoRoot = new URL('../../../', import.meta.url).pathname;

describe('a kept dataset and its input', () => {
  it('lets the input bytes be collected: OTLP/JSON whole, as lines and read in pieces, and OTLP/protobuf', () => {
    const out = execFileSync('node', ['--expose-gc', '--import', 'tsx', 'test/support/input-released.ts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('datasets kept: 4');
    for (const format of ['json', 'protobuf', 'json lines', 'json in pieces']) expect(out.split('\n')).toContain(`${format}: input released`);
  });
});
