/** Timing helpers shared by the benchmarks: wall-clock runs, nearest-rank percentiles, aligned output. */

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export function fmt(ms: number): string {
  return `${ms.toFixed(1).padStart(7)} ms`;
}
