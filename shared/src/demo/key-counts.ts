// How many demo subjects share a key (a name, initials and surname, a phone tail), for telling which queries have
// exactly one right answer.

import type { DemoSubject } from './demo-subjects';

/**
 * Counts subjects per key, built on first call. Keys are kept as 64-bit hashes in an open-addressing table of typed
 * arrays, so that an index over a million subjects stays small and cheap to collect; a hash collision could only make a
 * key look shared and drop a candidate, never make an ambiguous query look unambiguous.
 */
export function lazyCounts(
  subjects: readonly DemoSubject[],
  keyOf: (s: DemoSubject) => string | null,
): () => (key: string) => number {
  let lookup: ((key: string) => number) | undefined;
  return () => {
    if (lookup) return lookup;
    let capacity = 16;
    while (capacity < subjects.length * 2) capacity *= 2;
    const mask = capacity - 1;
    const hashA = new Uint32Array(capacity);
    const hashB = new Uint32Array(capacity);
    const counts = new Uint32Array(capacity);
    // Linear probing from the first hash; a free slot has a zero count.
    const slotOf = (a: number, b: number): number => {
      let slot = a & mask;
      while (counts[slot] !== 0 && (hashA[slot] !== a || hashB[slot] !== b)) slot = (slot + 1) & mask;
      return slot;
    };
    for (const s of subjects) {
      const key = keyOf(s);
      if (key === null) continue;
      const [a, b] = hash64(key);
      const slot = slotOf(a, b);
      hashA[slot] = a;
      hashB[slot] = b;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    lookup = (key) => counts[slotOf(...hash64(key))] ?? 0;
    return lookup;
  };
}

/** Two independent 32-bit hashes of one string (FNV-1a and a multiply-xorshift, each with murmur3's finaliser). */
function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [fmix32(a), fmix32(b)];
}

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
