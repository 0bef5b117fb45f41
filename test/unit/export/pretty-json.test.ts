// writePrettyJson writes exactly JSON.stringify(value, null, 2), in pieces (src/core/pretty-json.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writePrettyJson } from '../../../src/core/pretty-json.ts';

const written = (v: unknown): { text: string; pieces: number } => {
  const out: string[] = [];
  writePrettyJson(v, (s) => out.push(s));
  return { text: out.join(''), pieces: out.length };
};

describe('writePrettyJson', () => {
  it('gives the text of JSON.stringify(v, null, 2) for any JSON value, objects of arrays of objects above all', () => {
    const report = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.array(fc.object()), fc.constant(undefined)));
    fc.assert(
      fc.property(fc.oneof(report, fc.jsonValue(), fc.array(fc.oneof(fc.object(), fc.array(fc.jsonValue()), fc.constant(undefined)))), (v) => {
        expect(written(v).text).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null for it in arrays', () => {
    const v = { a: undefined, f: () => 1, s: Symbol('x'), list: [undefined, () => 1, 2, { b: undefined, c: [1, { d: 'e\nf' }] }], when: new Date(0), empty: [], none: {} };
    expect(written(v).text).toBe(JSON.stringify(v, null, 2));
    expect(written({}).text).toBe('{}');
    expect(written({ a: undefined }).text).toBe('{}');
  });

  it('hands over a long report in many pieces, none of them the whole text', () => {
    const findings = Array.from({ length: 30_000 }, (_, i) => ({ rule: 'orphan-span', traceId: 'ab'.repeat(16), spanId: String(i).padStart(16, '0'), message: 'a span whose parent is not in the data' }));
    const { text, pieces } = written({ inputs: [], findings });
    expect(text).toBe(JSON.stringify({ inputs: [], findings }, null, 2));
    expect(pieces).toBeGreaterThan(3);
  });

  it("writes a long root array (the app's findings export) in pieces too", () => {
    const findings = Array.from({ length: 30_000 }, (_, i) => ({ rule: 'orphan-span', spanId: String(i).padStart(16, '0'), related: [{ spanId: 'x' }] }));
    const { text, pieces } = written(findings);
    expect(text).toBe(JSON.stringify(findings, null, 2));
    expect(pieces).toBeGreaterThan(2);
    expect(written([]).text).toBe('[]');
  });
});
