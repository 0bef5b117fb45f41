// W3C Baggage (https://www.w3.org/TR/baggage/): list-members `key=value` with optional `;property`s,
// separated by commas; keys are HTTP tokens; values are percent-encoded. Receivers should accept at least
// 64 members and 8192 bytes. Baggage is sent on to every downstream service, so nothing secret belongs in it.
import type { PropagationError } from './problems.ts';

export interface BaggageEntry {
  readonly key: string;
  readonly value: string;
  readonly rawValue: string;
  readonly properties: readonly string[];
}

export interface Baggage {
  readonly valid: boolean;
  readonly entries: readonly BaggageEntry[];
  readonly errors: readonly PropagationError[];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAGGAGE_OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

export function parseBaggage(raw: string): Baggage {
  const entries: BaggageEntry[] = [];
  const errors: PropagationError[] = [];
  let column = 0;
  for (const part of raw.split(',')) {
    const start = column;
    column += part.length + 1;
    if (part.trim() === '') continue;
    const [kv = '', ...properties] = part.split(';');
    const eq = kv.indexOf('=');
    const at = start + part.indexOf(kv.trim());
    if (eq < 0) {
      errors.push({ message: `"${kv.trim()}" has no "=": an entry is key=value`, column: at });
      continue;
    }
    const key = kv.slice(0, eq).trim();
    const rawValue = kv.slice(eq + 1).trim();
    if (!TOKEN.test(key)) errors.push({ message: `key "${key}" is not an HTTP token`, column: at });
    if (!BAGGAGE_OCTETS.test(rawValue)) errors.push({ message: `value of "${key}" has characters that must be percent-encoded`, column: at + eq + 1 });
    let value = rawValue;
    try {
      value = decodeURIComponent(rawValue);
    } catch {
      errors.push({ message: `value of "${key}" has a broken percent-encoding`, column: at + eq + 1 });
    }
    entries.push({ key, value, rawValue, properties: properties.map((p) => p.trim()).filter(Boolean) });
  }
  if (raw.length > 8192) errors.push({ message: `${raw.length} bytes: receivers need only accept 8192`, column: 8192 });
  return { valid: errors.length === 0, entries, errors };
}
