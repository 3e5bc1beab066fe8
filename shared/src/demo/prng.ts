// Seeded randomness for demo data. Only 32-bit integer arithmetic (Math.imul, >>>) is used, so the same seed gives
// the same numbers on every engine and machine; Math.random is never touched.

/** Uniform floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and statistically good enough for fake people. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed with a stream number (a row index, a query kind) into an unrelated seed, so that each stream can be
 * generated on its own — row 500 000 is the same whether generation started at row 0 or at row 500 000.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(stream >>> 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An integer in [min, max], both ends included. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** Items with precomputed cumulative weights: a pick is a binary search, which matters at a million rows. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    if (!(weight > 0)) throw new Error(`weightedTable: weight must be positive, got ${weight}`);
    total += weight;
    cumulative[i] = total;
  });
  if (total === 0) throw new Error('weightedTable: empty list');
  return { items: entries.map(([item]) => item), cumulative };
}

export function weightedPick<T>(rng: Rng, table: WeightedTable<T>): T {
  const { cumulative, items } = table;
  const target = rng() * (cumulative[cumulative.length - 1] ?? 0);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  const item = items[lo];
  if (item === undefined) throw new Error('weightedPick: empty table');
  return item;
}

/** Fisher–Yates over 0..n-1: a reproducible visiting order without copying the caller's data. */
export function shuffledIndices(rng: Rng, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = tmp;
  }
  return order;
}
