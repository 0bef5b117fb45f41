// Time units live in the type names. OTLP times are Unix-epoch nanoseconds, which exceed 2^53, so absolute
// times are `bigint` from the decoder on; offsets inside one trace are plain `number`s of nanoseconds.

/** Absolute Unix-epoch time in nanoseconds (exact). 0n means "absent" as in OTLP. */
export type UnixNanos = bigint & { readonly __unit?: 'unix-ns' };
/** A duration or an offset from a trace's start, in nanoseconds. */
export type Nanos = number & { readonly __unit?: 'ns' };

export const NS_PER_MS = 1_000_000;
export const NS_PER_US = 1_000;

/** Parses an OTLP 64-bit integer given as a decimal string or a JSON number. Returns null when not an integer. */
export function parseUnixNanos(value: unknown): UnixNanos | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return null;
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  return null;
}

/**
 * Microseconds (as many console exporters and Jaeger print them) to nanoseconds, exactly. A number JSON
 * cannot hold as a finite one (`1e999` parses to Infinity) is no time: 0n, "absent" as in OTLP.
 */
export function microsToNanos(us: number): UnixNanos {
  if (!Number.isFinite(us)) return 0n;
  const whole = Math.trunc(us);
  const frac = Math.round((us - whole) * 1000);
  return BigInt(whole) * 1000n + BigInt(frac);
}

/** Converts an ISO-8601 timestamp with up to nanosecond fraction ("2024-01-02T03:04:05.123456Z") exactly. */
export function isoToUnixNanos(iso: string): UnixNanos | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return null;
  const zone = m[4] === undefined || m[4] === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(ms)) return null;
  const frac = (m[3] ?? '').padEnd(9, '0');
  return BigInt(ms) * 1_000_000n + BigInt(frac);
}

/** Formats absolute nanoseconds as ISO-8601 with all nine fraction digits (every other viewer truncates). */
export function formatUnixNanosIso(ns: UnixNanos): string {
  const ms = ns / 1_000_000n;
  const sub = ns - ms * 1_000_000n;
  const base = new Date(Number(ms)).toISOString(); // …T03:04:05.123Z
  if (Number.isNaN(Date.parse(base))) return `${ns}ns`;
  const millis = base.slice(20, 23);
  return `${base.slice(0, 19)}.${millis}${sub.toString().padStart(6, '0')}Z`;
}
