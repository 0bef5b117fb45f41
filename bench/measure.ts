// Timing helpers: each figure is the median of several runs, measured in the same process as its baseline
// so noisy shared machines shift both alike; ratios are reported next to absolute times.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), result };
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function row(label: string, ...cells: string[]): string {
  return `${label.padEnd(44)}${cells.map((c) => c.padStart(14)).join('')}`;
}
