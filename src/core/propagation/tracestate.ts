// W3C Trace Context `tracestate` (https://www.w3.org/TR/trace-context-2/#tracestate-header): at most 32
// list-members `key=value` separated by commas (empty members and optional whitespace allowed); keys are
// simple (`lcalpha 0*255(lcalpha / DIGIT / "_" / "-" / "*" / "/")`) or multi-tenant
// (`tenant@system`, tenant ≤ 241 chars starting with lcalpha/DIGIT, system ≤ 14 starting with lcalpha);
// values are ≤ 256 printable ASCII characters without "," or "=" and not ending in a space; no duplicate keys.
// OpenTelemetry's own member `ot` carries `th` (sampling threshold, 1–14 lowercase hex) and `rv` (14 lowercase
// hex random value): opentelemetry-specification trace/tracestate-handling.md.
import type { PropagationError } from './problems.ts';

export interface TracestateMember {
  readonly key: string;
  readonly value: string;
  /** For multi-tenant keys: the tracing system after "@". */
  readonly system?: string;
  readonly tenant?: string;
  /** Sub-keys of the OpenTelemetry `ot` member. */
  readonly ot?: ReadonlyArray<{ key: string; value: string }>;
}

export interface Tracestate {
  readonly valid: boolean;
  readonly members: readonly TracestateMember[];
  readonly errors: readonly PropagationError[];
}

const SIMPLE_KEY = /^[a-z][a-z0-9_\-*/]{0,255}$/;
const MULTI_KEY = /^([a-z0-9][a-z0-9_\-*/]{0,240})@([a-z][a-z0-9_\-*/]{0,13})$/;
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
export const MAX_TRACESTATE_MEMBERS = 32;

export function parseTracestate(raw: string): Tracestate {
  const members: TracestateMember[] = [];
  const errors: PropagationError[] = [];
  const seen = new Set<string>();
  let column = 0;
  for (const part of raw.split(',')) {
    const start = column;
    column += part.length + 1;
    const member = part.trim();
    if (member === '') continue;
    const at = start + part.indexOf(member);
    const eq = member.indexOf('=');
    if (eq < 0) {
      errors.push({ message: `"${member}" has no "=": a member is key=value`, column: at });
      continue;
    }
    const key = member.slice(0, eq);
    const value = member.slice(eq + 1);
    const multi = MULTI_KEY.exec(key);
    if (!SIMPLE_KEY.test(key) && !multi) {
      errors.push({ message: `key "${key}" is not allowed: lowercase letters, digits, _ - * / (and tenant@system)`, column: at });
    }
    if (!VALUE.test(value)) {
      errors.push({ message: `value of "${key}" must be 1–256 printable characters without "," or "=" and not end in a space`, column: at + eq + 1 });
    }
    if (seen.has(key)) errors.push({ message: `key "${key}" appears twice`, column: at });
    seen.add(key);
    const ot = key === 'ot' ? parseOt(value, at + eq + 1, errors) : undefined;
    members.push({ key, value, ...(multi ? { tenant: multi[1]!, system: multi[2]! } : {}), ...(ot ? { ot } : {}) });
  }
  if (members.length > MAX_TRACESTATE_MEMBERS) {
    errors.push({ message: `${members.length} members: at most ${MAX_TRACESTATE_MEMBERS} are allowed`, column: 0 });
  }
  return { valid: errors.length === 0, members, errors };
}

function parseOt(value: string, column: number, errors: PropagationError[]): Array<{ key: string; value: string }> {
  if (value.length > 256) errors.push({ message: 'the ot member is longer than 256 characters', column });
  return value.split(';').filter(Boolean).map((kv) => {
    const [k = '', v = ''] = kv.split(':');
    if (k === 'th' && !/^[0-9a-f]{1,14}$/.test(v)) errors.push({ message: `ot th (sampling threshold) must be 1–14 lowercase hex digits, got "${v}"`, column });
    if (k === 'rv' && !/^[0-9a-f]{14}$/.test(v)) errors.push({ message: `ot rv (random value) must be exactly 14 lowercase hex digits, got "${v}"`, column });
    return { key: k, value: v };
  });
}
