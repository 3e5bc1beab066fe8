// Query words → the stems of real names they may stand for, looked up in the small dictionary of distinct name
// words (subject_name_words), never in the million subjects. Exact stems, transliteration and layout readings and
// Latin skeletons are one indexed lookup; typos (a fuzzy scan, still over the dictionary only) are asked for only
// when the exact readings found nobody who matches the whole query.

import { nameStem } from '@pd-desk/shared/subjects/name-normalise';
import type { NameWord } from '@pd-desk/shared/subjects/search-query';
import { nameSkeleton } from '@pd-desk/shared/subjects/transliteration';
import { fixKeyboardLayout } from '@pd-desk/shared/subjects/wrong-layout';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { list, selectRows } from './sql-arrays';

/** How well a stem reads a query word: an exact form above a transliteration above a typo. */
export const QUALITY = {
  exact: 1,
  layout: 0.95,
  reading: 0.92,
  alternative: 0.88,
  skeleton: 0.85,
  typo1: 0.8,
  typo2: 0.7,
} as const;

export type StemMatch = { stem: string; roles: number; quality: number };

/** A full (non-initial) query word with every dictionary stem it may stand for, best reading per stem. */
export type ResolvedWord = { word: NameWord; stems: Map<string, StemMatch> };

export async function resolveWords(db: Db, words: readonly NameWord[]): Promise<ResolvedWord[]> {
  const resolved = words.map((word) => ({ word, stems: new Map<string, StemMatch>() }));
  if (words.length === 0) return resolved;
  // One word typed with the wrong layout means the keyboard was wrong for the whole query: a short word («Zy», Ян)
  // the parser could not judge on its own gets the layout reading too.
  const layoutTyped = words.some((w) => w.source === 'layout');
  const readings = words.map((w) => readingsOf(w, layoutTyped));
  const stems = [...new Set(readings.flatMap((r) => [...r.keys()]))];
  const skeletons = [...new Set(stems.map(nameSkeleton))];
  const rows = await selectRows<{ via: 's' | 'k'; key: string; stem: string; roles: number }>(
    db,
    sql`select 's' as via, stem as key, stem, bit_or(roles)::int as roles
        from subject_name_words where stem = any(${list(stems)}::text[]) group by stem
        union all
        select 'k', skeleton, stem, bit_or(roles)::int
        from subject_name_words where skeleton = any(${list(skeletons)}::text[]) group by skeleton, stem`,
  );
  resolved.forEach((r, i) => {
    const wordReadings = readings[i] ?? new Map<string, number>();
    const wordSkeletons = new Map([...wordReadings.keys()].map((stem) => [nameSkeleton(stem), stem]));
    for (const row of rows) {
      if (row.via === 's') {
        const quality = wordReadings.get(row.key);
        if (quality !== undefined) offer(r.stems, { stem: row.stem, roles: row.roles, quality });
      } else if (wordSkeletons.has(row.key)) {
        offer(r.stems, { stem: row.stem, roles: row.roles, quality: QUALITY.skeleton });
      }
    }
  });
  return resolved;
}

/** Adds dictionary stems within a typo or two of each word (by edit distance, transpositions counting one). */
export async function addTypoReadings(db: Db, resolved: readonly ResolvedWord[]): Promise<void> {
  // A three-letter word is corrected only when it is no name at all («Ефм» for Ефим; «Лев» stays Лев).
  const fuzzy = resolved.filter(
    (r) =>
      r.word.normalised.length >= MIN_TYPO_WORD ||
      (r.word.normalised.length === MIN_TYPO_WORD - 1 && r.stems.size === 0),
  );
  if (fuzzy.length === 0) return;
  const index = fuzzy.map((_, i) => i);
  const norm = fuzzy.map((r) => r.word.normalised);
  const stem = fuzzy.map((r) => r.word.stem);
  // Two ways in: same first letter and similar length (the index; short words, where trigrams fail), and trigram
  // similarity (longer words with a wrong first letter). levenshtein over-approximates transpositions, hence ≤ 2.
  const rows = await selectRows<{ i: number; word: string; stem: string; roles: number }>(
    db,
    sql`with q as (select * from unnest(${list(index)}::int[], ${list(norm)}::text[], ${list(stem)}::text[])
                   as q(i, norm, stem))
        select q.i, d.word, d.stem, d.roles::int as roles from q
        join subject_name_words d on left(d.word, 1) = left(q.norm, 1)
          and length(d.word) between length(q.norm) - 2 and length(q.norm) + 2
        where levenshtein_less_equal(d.word, q.norm, 2) <= 2 or levenshtein_less_equal(d.stem, q.stem, 1) <= 1
        union
        select q.i, d.word, d.stem, d.roles::int from q
        join subject_name_words d on d.word % q.norm
        where levenshtein_less_equal(d.word, q.norm, 2) <= 2`,
  );
  // A word that already reads as a real name keeps its part: «Петровна» may be a mistyped patronymic, but it is
  // not taken for the surname Петров.
  const knownRoles = fuzzy.map((r) => [...r.stems.values()].reduce((roles, s) => roles | s.roles, 0));
  for (const row of rows) {
    const r = fuzzy[row.i];
    const roles = row.roles & (knownRoles[row.i] || row.roles);
    if (!r || roles === 0) continue;
    const distance = Math.min(
      editDistance(r.word.normalised, row.word),
      r.word.stem.length >= MIN_TYPO_WORD ? editDistance(r.word.stem, row.stem) : Number.POSITIVE_INFINITY,
    );
    if (distance > maxTypos(r.word.normalised)) continue;
    const quality = distance === 0 ? QUALITY.exact : distance === 1 ? QUALITY.typo1 : QUALITY.typo2;
    offer(r.stems, { stem: row.stem, roles, quality });
  }
}

/** Shorter words that are names are not corrected: one edit turns «Лев» or «Ян» into another name. */
const MIN_TYPO_WORD = 4;

function maxTypos(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/** Stems a word may stand for before the dictionary is asked, each with its reading quality. */
function readingsOf(word: NameWord, layoutTyped: boolean): Map<string, number> {
  const readings = new Map<string, number>();
  const first =
    word.source === 'cyrillic' ? QUALITY.exact : word.source === 'layout' ? QUALITY.layout : QUALITY.reading;
  readings.set(word.stem, first);
  const alternatives = [...(word.alternatives ?? [])];
  if (layoutTyped && word.source === 'latin') alternatives.push(nameStem(fixKeyboardLayout(word.raw)));
  for (const alternative of alternatives) {
    if (!readings.has(alternative)) readings.set(alternative, QUALITY.alternative);
  }
  return readings;
}

function offer(stems: Map<string, StemMatch>, match: StemMatch): void {
  const had = stems.get(match.stem);
  if (!had || had.quality < match.quality) stems.set(match.stem, { ...match, roles: match.roles | (had?.roles ?? 0) });
  else had.roles |= match.roles;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[n] ?? 0;
}
