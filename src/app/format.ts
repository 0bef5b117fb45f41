// Display formatting of times and sizes. Exact nanosecond values arrive as decimal strings; they are
// formatted from the digits so nothing is rounded away.

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [3_600_000_000_000, 'h'],
  [60_000_000_000, 'min'],
  [1_000_000_000, 's'],
  [1_000_000, 'ms'],
  [1_000, 'µs'],
];

/** A short duration for lists and bars: "38.1ms", "2.40s", "950ns". */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns)) return '—';
  const abs = Math.abs(ns);
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const v = ns / size;
      const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
      return `${v.toFixed(digits)}${unit}`;
    }
  }
  return `${Math.round(ns)}ns`;
}

/** An axis label: like formatDuration without trailing zeros ("50ms", "2.5ms"). */
export function formatTick(ns: number): string {
  if (ns === 0) return '0';
  // Bounded: formatDuration gives a few digits (the pattern would be quadratic in a long run of zeros).
  // eslint-disable-next-line regexp/no-super-linear-backtracking
  return formatDuration(ns).replace(/\.0+(?=[a-zµ])|(\.\d*?)0+(?=[a-zµ])/, '$1');
}

/** An exact duration from decimal nanoseconds: "38.123456789 ms" keeps every digit. */
export function formatExactMillis(nsText: string): string {
  if (!/^-?\d+$/.test(nsText)) return nsText;
  const negative = nsText.startsWith('-');
  const digits = (negative ? nsText.slice(1) : nsText).padStart(7, '0');
  const whole = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
  // eslint-disable-next-line regexp/no-super-linear-move -- six characters
  const frac = digits.slice(-6).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''} ms`;
}

/** Groups digits of a decimal integer: "38123456" → "38 123 456" (narrow no-break spaces). */
export function groupDigits(text: string): string {
  // eslint-disable-next-line regexp/no-super-linear-move -- a duration: at most ~310 digits (a JSON number time)
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Trace start for the list: local date and time to the millisecond, from exact Unix ns. */
export function formatStartTime(unixNsText: string): string {
  if (!/^\d+$/.test(unixNsText) || unixNsText === '0') return '—';
  const ms = Number(BigInt(unixNsText) / 1_000_000n);
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatMegabytes(numBytes: number): string {
  return `${(numBytes / 1_048_576).toFixed(1)} MB`;
}

/** A file size in the unit that reads best: "812 B", "24.1 KB", "130.4 MB". */
export function formatBytes(numBytes: number): string {
  if (numBytes < 1024) return `${numBytes} B`;
  if (numBytes < 1_048_576) return `${(numBytes / 1024).toFixed(1)} KB`;
  return formatMegabytes(numBytes);
}
