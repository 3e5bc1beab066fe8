// How people garble a name as they type it: letter case, ё restored or dropped, one-letter typos.

import { int, pick, type Rng } from './prng';
import { neighbourKeys } from './russian-keyboard';
import {
  FEMALE_FIRST_NAMES,
  feminineSurname,
  MALE_FIRST_NAMES,
  MASCULINE_SURNAMES,
  patronymicOf,
  withoutYo,
} from './russian-names';

export function mixCase(word: string, rng: Rng): string {
  const r = rng();
  if (r < 0.35) return word.toLowerCase();
  return r < 0.5 ? word.toUpperCase() : word;
}

// Every name form of the lists that is spelled with ё, keyed by its spelling without ё.
const YO_SPELLINGS = new Map<string, string>(
  [
    ...MASCULINE_SURNAMES.flatMap((s) => [s, feminineSurname(s)]),
    ...MALE_FIRST_NAMES,
    ...FEMALE_FIRST_NAMES,
    ...MALE_FIRST_NAMES.flatMap((n) => [patronymicOf(n, 'male'), patronymicOf(n, 'female')]),
  ]
    .map((w) => w.toLowerCase())
    .filter((w) => w.includes('ё'))
    .map((w) => [withoutYo(w), w]),
);

/** Федоров → Фёдоров, keeping the letter case of the word. */
export function restoreYo(word: string): string {
  const spelled = YO_SPELLINGS.get(word.toLowerCase());
  if (spelled === undefined) return word;
  return [...spelled]
    .map((ch, i) => (word.charAt(i) === word.charAt(i).toLowerCase() ? ch : ch.toUpperCase()))
    .join('');
}

type Edit = 'substitute' | 'delete' | 'transpose' | 'double';

const EDITS: readonly Edit[] = ['substitute', 'delete', 'transpose', 'double'];

/**
 * One typing slip: a neighbouring key, a dropped, swapped or doubled letter. The first letter is only ever doubled,
 * because people see and fix a wrong first letter, and a search may fairly lean on it.
 */
export function typo(word: string, rng: Rng): string {
  for (;;) {
    const edit = pick(rng, EDITS);
    const i = int(rng, 1, word.length - 1);
    const ch = word.charAt(i);
    if (edit === 'substitute') {
      const keys = neighbourKeys(ch);
      if (keys.length === 0) continue;
      const key = pick(rng, keys);
      return word.slice(0, i) + (ch === ch.toLowerCase() ? key : key.toUpperCase()) + word.slice(i + 1);
    }
    if (edit === 'delete') return word.slice(0, i) + word.slice(i + 1);
    if (edit === 'transpose') {
      const next = word.charAt(i + 1);
      if (next === '' || next.toLowerCase() === ch.toLowerCase()) continue;
      return word.slice(0, i) + next + ch + word.slice(i + 2);
    }
    const at = int(rng, 0, word.length - 1);
    return word.slice(0, at + 1) + word.slice(at);
  }
}
