// Every real-world dump in ../shared/corpus decodes to the number of spans its EXPECT line names.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { CORPUS_DIR, corpusExpectations, corpusFile, HAS_CORPUS } from '../../support/corpus.ts';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const FORMAT_BY_PREFIX: Array<[RegExp, string]> = [
  [/^python-console-/, 'python-console'],
  [/^collector-/, 'collector-debug'],
];

describe.skipIf(!HAS_CORPUS)('real-world corpus', () => {
  const expectations = corpusExpectations();
  it('lists files', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(3);
  });
  it.each(expectations.map((e) => [e.file, e.numSpans] as const))('%s decodes to %i spans', (file, numSpans) => {
    const bytes = corpusFile(file);
    const format = FORMAT_BY_PREFIX.find(([re]) => re.test(file))?.[1];
    const ds = loadDataset([{ name: file, bytes }]);
    expect(ds.spans).toHaveLength(numSpans);
    expect(ds.spans.every((s) => /^[0-9a-f]{32}$/.test(s.traceId) && /^[0-9a-f]{16}$/.test(s.spanId) && s.endNs >= s.startNs && s.startNs > 0n)).toBe(true);
    if (format) expect(checkDumpSnapshot(file, bytes, format)).toMatchSnapshot();
  });
});

if (!HAS_CORPUS) {
  describe('real-world corpus', () => {
    it.skip(`skipped: ${CORPUS_DIR} is absent (the shared folder sits beside the repository)`, () => {});
  });
}
