// The load indicator's text: phase, file, megabytes read of the total, the read rate and spans so far.
import { describe, expect, it } from 'vitest';
import { partsText, progressParts, rateText } from '../../../src/app/progress-text.ts';
import type { LoadProgress } from '../../../workers/trace-store.ts';

const MB = 1_048_576;
const progressText = (progress: LoadProgress): string => partsText(progressParts(progress));
const p = (over: Partial<LoadProgress>): LoadProgress => ({
  file: 'big.jsonl', fileIdx: 0, numFiles: 1, bytesDone: 312 * MB, bytesTotal: 680 * MB, numSpans: 1_204_000, phase: 'decoding', elapsedMs: 7600, ...over,
});

describe('progressText', () => {
  it('shows bytes read of the total, MB/s and spans while decoding', () => {
    expect(progressText(p({}))).toBe('decoding big.jsonl · 312.0 MB of 680.0 MB · 41.1 MB/s · 1,204,000 spans');
  });

  it('names the file of several, leaves the rate out before any byte is read, and names the last phases', () => {
    expect(progressText(p({ numFiles: 3, fileIdx: 1, bytesDone: 0, phase: 'reading' }))).toBe('reading big.jsonl (2/3) · 0.0 MB of 680.0 MB · 1,204,000 spans');
    expect(progressText(p({ file: '', phase: 'done', bytesDone: 680 * MB, elapsedMs: 2000 }))).toBe('done · 680.0 MB · 340 MB/s · 1,204,000 spans');
  });

  it('parts the text so a narrow window can cut the name and size and keep the rate and spans', () => {
    expect(progressParts(p({}))).toEqual({ what: 'decoding big.jsonl', size: '312.0 MB of 680.0 MB', figures: '41.1 MB/s · 1,204,000 spans' });
    expect(progressParts(p({ bytesDone: 0, phase: 'reading' })).figures).toBe('1,204,000 spans');
  });

  it('says only how much was read when the size is not known, or was passed (a compressed download)', () => {
    expect(progressText(p({ bytesTotal: 0, bytesTotalKnown: false }))).toBe('decoding big.jsonl · 312.0 MB so far · 41.1 MB/s · 1,204,000 spans');
    expect(progressText(p({ bytesTotal: 31 * MB, bytesTotalKnown: true }))).toBe('decoding big.jsonl · 312.0 MB so far · 41.1 MB/s · 1,204,000 spans');
    expect(progressText(p({ bytesTotalKnown: true }))).toBe('decoding big.jsonl · 312.0 MB of 680.0 MB · 41.1 MB/s · 1,204,000 spans');
  });

  it('has no rate without elapsed time', () => {
    expect(rateText(p({ elapsedMs: 0 }))).toBe('');
  });
});
