// Timing helpers: each figure is the median of several runs, measured in the same process as its baseline
// so noisy shared machines shift both alike; ratios are reported next to absolute times.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The median of `runs` runs of `fn`, and the last run's result; no run is timed with another's result alive. */
export function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    result = undefined;
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), result: result as T };
}

/**
 * Runs each function once per round, in turn, for `runs` rounds: a baseline and what is compared with it see
 * the same load of a shared machine, round by round. Gives each one's median and its first run (before the
 * JIT has optimized it: what the app's worker sees when it decodes its first file). Between runs the event
 * loop turns once, so cleanup left by the run before is not charged to the next.
 *
 * Each function returns a digest of its work (a count to check), never the work itself: a result kept while
 * the next function runs is live heap that run's collections must get past. At 1M spans, with reflection's
 * 1.3 GB message tree kept, our protobuf decode took 5.2–5.8 s (its scavenges 0.9–1.7 s), against 2.8–4.1 s
 * (0.4–0.5 s) with nothing kept: that, not the order of runs, was the "heap-state effect" these figures
 * carried before (0.87–0.92× reflection at 1M).
 *
 * `collect`: also collect the heap (--expose-gc) before each run, where runs leave gigabytes behind. It
 * throws away the JIT's optimized code too, which at 100k spans made every run a first run (1.33×
 * JSON.parse, not 1.09×), so 100k runs without it.
 */
export async function timeInTurns<T extends Array<number | string>>(runs: number, collect: boolean, ...fns: { [K in keyof T]: () => T[K] | Promise<T[K]> }): Promise<{ [K in keyof T]: { ms: number; firstMs: number; result: T[K] } }> {
  const samples = fns.map(() => [] as number[]);
  const results: unknown[] = [];
  for (let round = 0; round < runs; round++) {
    for (const [i, fn] of fns.entries()) {
      if (collect) (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const t0 = performance.now();
      const result = fn();
      // A function that returns a promise (an async load) is timed until it settles; others not a tick longer.
      results[i] = result instanceof Promise ? await result : result;
      samples[i]!.push(performance.now() - t0);
    }
  }
  return fns.map((_, i) => ({ ms: median(samples[i]!), firstMs: samples[i]![0]!, result: results[i] })) as { [K in keyof T]: { ms: number; firstMs: number; result: T[K] } };
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** A size in bytes, as the memory tables show it (per span). */
export function bytesText(n: number): string {
  return `${Math.round(n)} B`;
}

export function row(label: string, ...cells: string[]): string {
  return `${label.padEnd(44)}${cells.map((c) => c.padStart(14)).join('')}`;
}
