// Text back from the code units the worker sends it in (workers/code-units.ts).

const ascii = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Code units per `String.fromCharCode` call: far below the engines' limits on a call's arguments. */
const UNITS_PER_CALL = 4096;

export function textOfUnits(units: Uint8Array | Uint16Array): string {
  // One native call when the units are ASCII: strict UTF-8 gives as many units as bytes only then (a byte
  // of 0x80 or more is either invalid, a throw, or part of a sequence that decodes to fewer units).
  if (units instanceof Uint8Array) {
    try {
      const text = ascii.decode(units);
      if (text.length === units.length) return text;
    } catch {
      // Latin-1 units: read them one by one below.
    }
  }
  return charsOf(units, 0, units.length);
}

/** The text of `units[start, end)`, a call of `String.fromCharCode` per UNITS_PER_CALL units. */
export function charsOf(units: Uint8Array | Uint16Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += UNITS_PER_CALL) {
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(end, at + UNITS_PER_CALL)) as unknown as number[]);
  }
  return text;
}
