import { describe, expect, it } from 'vitest';
import { chance, deriveSeed, int, mulberry32, pick, shuffledIndices, weightedPick, weightedTable } from './prng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, on any machine', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    // Pinned values: a change here silently changes every demo data set.
    expect(seqA.slice(0, 3).map((x) => Math.round(x * 1e9))).toEqual([601103752, 448290559, 852465793]);
  });

  it('differs between seeds and between derived streams', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 5)).not.toBe(deriveSeed(2, 5));
  });
});

describe('helpers', () => {
  const rng = mulberry32(7);

  it('int stays within both ends and reaches them', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => int(rng, 3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('chance and pick behave', () => {
    const hits = Array.from({ length: 10_000 }, () => chance(rng, 0.25)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2200);
    expect(hits).toBeLessThan(2800);
    expect(['a', 'b']).toContain(pick(rng, ['a', 'b']));
    expect(() => pick(rng, [])).toThrow();
  });

  it('weightedPick follows the weights', () => {
    const table = weightedTable([
      ['rare', 1],
      ['common', 9],
    ] as const);
    const common = Array.from({ length: 10_000 }, () => weightedPick(rng, table)).filter((x) => x === 'common');
    expect(common.length).toBeGreaterThan(8700);
    expect(common.length).toBeLessThan(9300);
    expect(() => weightedTable([['x', 0]])).toThrow();
  });

  it('shuffledIndices is a permutation', () => {
    const order = Array.from(shuffledIndices(rng, 100));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
