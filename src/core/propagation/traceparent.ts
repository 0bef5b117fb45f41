// W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context-2/#traceparent-header):
//   version "-" trace-id "-" parent-id "-" trace-flags, all lowercase hex (HEXDIGLC).
// Version ff is invalid. All-zero trace-id or parent-id is invalid. Version 00 is exactly 55 characters;
// a higher version is parsed as 00 and may carry more fields after the flags, starting with "-"
// (§ "Versioning of traceparent"). Flags: 0x01 sampled, 0x02 random (Level 2); other bits are reserved.
import { firstNonLowerHex, type PropagationError } from './problems.ts';

export const FLAG_SAMPLED = 0x01;
export const FLAG_RANDOM = 0x02;

export interface Traceparent {
  readonly valid: boolean;
  readonly version: string;
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: { readonly value: number; readonly sampled: boolean; readonly random: boolean; readonly reserved: number };
  /** Fields after the flags (only allowed for versions above 00). */
  readonly extra: string;
  readonly errors: readonly PropagationError[];
}

const FIELDS = [
  { name: 'version', start: 0, length: 2 },
  { name: 'trace-id', start: 3, length: 32 },
  { name: 'parent-id', start: 36, length: 16 },
  { name: 'trace-flags', start: 53, length: 2 },
] as const;

/** Parses the header value exactly as given (surrounding whitespace is itself an error). */
export function parseTraceparent(value: string): Traceparent {
  const errors: PropagationError[] = [];
  const err = (message: string, column: number): void => void errors.push({ message, column });
  const field = (i: number): string => value.slice(FIELDS[i]!.start, FIELDS[i]!.start + FIELDS[i]!.length);

  for (const dash of [2, 35, 52]) {
    if (value.length > dash && value[dash] !== '-') err(`expected "-" here, found "${value[dash]}": a field has the wrong length`, dash);
  }
  if (errors.length === 0) {
    FIELDS.forEach((f, i) => {
      const text = field(i);
      if (text.length < f.length) {
        err(`${f.name} is ${f.length} hex characters; the value ends early`, Math.min(value.length, f.start + text.length));
        return;
      }
      const bad = firstNonLowerHex(text, f.start);
      if (bad >= 0) {
        const c = value[bad]!;
        err(/[A-F]/.test(c) ? `${f.name} must be lowercase hex: "${c}" is uppercase` : `${f.name} must be hex: "${c}" is not`, bad);
      }
    });
  }
  const version = field(0);
  const traceId = field(1);
  const parentId = field(2);
  const flagsText = field(3);
  if (version === 'ff') err('version ff is forbidden: it is not a valid version', 0);
  if (errors.length === 0 && /^0+$/.test(traceId)) err('an all-zero trace-id is invalid', 3);
  if (errors.length === 0 && /^0+$/.test(parentId)) err('an all-zero parent-id is invalid', 36);
  let extra = '';
  if (value.length > 55) {
    extra = value.slice(55);
    if (version === '00') err('version 00 has exactly four fields: nothing may follow the flags', 55);
    else if (extra[0] !== '-') err('fields of a future version after the flags must start with "-"', 55);
  }
  const flagsValue = /^[0-9a-f]{2}$/.test(flagsText) ? parseInt(flagsText, 16) : 0;
  return {
    valid: errors.length === 0,
    version,
    traceId,
    parentId,
    flags: {
      value: flagsValue,
      sampled: (flagsValue & FLAG_SAMPLED) !== 0,
      random: (flagsValue & FLAG_RANDOM) !== 0,
      reserved: flagsValue & ~(FLAG_SAMPLED | FLAG_RANDOM) & 0xff,
    },
    extra,
    errors: errors.sort((a, b) => a.column - b.column),
  };
}

export function looksLikeTraceparent(value: string): boolean {
  return /^\s*[0-9a-fA-F]{2}-[0-9a-zA-Z]{8,}-/.test(value);
}
