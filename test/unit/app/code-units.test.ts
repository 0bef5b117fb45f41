// Text crosses from the worker as code units (workers/code-units.ts) and the page reads it back
// (src/app/code-units.ts): every string must come back exactly, whichever path it takes back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsOf, textOfUnits } from '../../../src/app/code-units.ts';
import { codeUnits } from '../../../workers/code-units.ts';

const roundTrip = (text: string): string => textOfUnits(structuredClone(codeUnits(text)));

describe('text as code units', () => {
  it('comes back exactly: ASCII, Latin-1, wide characters, lone surrogates, long text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 }), fc.string({ maxLength: 40 })), (text) => {
        expect(roundTrip(text)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
    const long = '0123456789abcdef'.repeat(1_000);
    expect(roundTrip(long)).toBe(long);
    expect(roundTrip(`é${long}`)).toBe(`é${long}`);
    expect(roundTrip(`🙂${long}\ud800`)).toBe(`🙂${long}\ud800`);
  });

  it('reads Latin-1 units one by one, even where their bytes would also be UTF-8', () => {
    // 'Ã©' as bytes is C3 A9, the UTF-8 of 'é'; 0x80 and 0x9f differ between Latin-1 and windows-1252.
    for (const text of ['Ã©', '\u0080', '\u009f\u00ff', 'x\u00e9y']) {
      const units = codeUnits(text);
      expect(units).toBeInstanceOf(Uint8Array);
      expect(textOfUnits(units)).toBe(text);
    }
    expect(codeUnits('hex 0a1b')).toBeInstanceOf(Uint8Array);
    expect(codeUnits('\ufeffx')).toBeInstanceOf(Uint16Array);
    expect(textOfUnits(codeUnits('\ufeffx'))).toBe('\ufeffx');
  });

  it('cuts out any range', () => {
    const units = codeUnits('abc🙂def');
    expect(charsOf(units, 3, 5)).toBe('🙂');
    expect(charsOf(units, 0, 0)).toBe('');
    expect(charsOf(codeUnits('z'.repeat(10_000)), 4_000, 9_000)).toBe('z'.repeat(5_000));
  });
});
