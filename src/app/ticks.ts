// Time-axis ticks: round steps (1, 2, 5 × 10^k ns) so that about `targetCount` fit across the trace.

export interface Tick {
  readonly ns: number;
  /** Position across the axis, 0..1. */
  readonly fraction: number;
}

export function niceStep(spanNs: number, targetCount: number): number {
  if (!(spanNs > 0) || targetCount < 1) return 1;
  const raw = spanNs / targetCount;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

export function axisTicks(spanNs: number, targetCount = 6): Tick[] {
  if (!(spanNs > 0)) return [{ ns: 0, fraction: 0 }];
  const step = niceStep(spanNs, targetCount);
  const out: Tick[] = [];
  for (let i = 0; i * step <= spanNs * (1 + 1e-9); i++) out.push({ ns: i * step, fraction: (i * step) / spanNs });
  return out;
}
