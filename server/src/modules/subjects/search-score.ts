// Ranks the people found: each part of the query a person matches adds its weight times how well it matched.
// Identifiers weigh most (a phone or an e-mail names one person), name words one each, initials half; a name word
// counts fully only when spelled as stored, a little less when only its stem (case form) matches, less again when
// read through transliteration or a typo.

import type { SearchQuery } from '@pd-desk/shared/subjects/search-query';
import type { MatchField } from '@pd-desk/shared/subjects/subject-search.schemas';
import { normalisedWord } from './search-index';
import type { Candidate } from './search-probe';
import { QUALITY, type ResolvedWord } from './search-words';

const WEIGHT = { name: 1, initial: 0.5, phone: 3, email: 3, externalId: 3, birthDate: 1.5, phoneTail: 1.5 } as const;

/** A stem match of another form of the word (Ивановой for Иванова, Иванов for Иванова). */
const OTHER_FORM = 0.97;

export type Scored = {
  candidate: Candidate;
  score: number;
  matchedOn: MatchField[];
  approximate: boolean;
  /** Every part of the query matched: nothing more to look for. */
  complete: boolean;
  exactIdentifier: boolean;
  /** Share of the person's name (surname, first name, patronymic) the query named: «Давыдова Жанна» fits a Жанна with
   * no patronymic better than a Жанна Александровна. */
  coverage: number;
  /** The surname matched only as a maiden name: who bears it now comes first. */
  byFormerName: boolean;
};

export function scoreCandidate(c: Candidate, query: SearchQuery, words: readonly ResolvedWord[]): Scored {
  const matched = new Set<MatchField>();
  let total = 0;
  let gained = 0;
  let complete = true;
  const add = (weight: number, quality: number, field: MatchField | null) => {
    total += weight;
    if (field === null || quality <= 0) {
      complete = false;
      return;
    }
    gained += weight * quality;
    matched.add(field);
  };

  const names = matchNames(c, words);
  for (const m of names.words) add(WEIGHT.name, m?.quality ?? 0, m?.field ?? null);
  const initials = query.nameWords.filter((w) => w.isInitial);
  const initialFields = matchInitials(
    c,
    initials.map((w) => w.stem),
    names.usedRoles,
  );
  for (const ok of initialFields) add(WEIGHT.initial, ok ? 1 : 0, ok ? 'initials' : null);

  const phoneHit = query.phones.some((p) => (c.phones ?? []).includes(p));
  for (const p of query.phones) add(WEIGHT.phone, 1, (c.phones ?? []).includes(p) ? 'phone' : null);
  for (const f of query.phoneFragments)
    add(WEIGHT.phoneTail, 1, (c.phones ?? []).some((p) => p.endsWith(f)) ? 'phone_tail' : null);
  const emailHit = query.emails.some((e) => c.emails.includes(e));
  for (const e of query.emails) add(WEIGHT.email, 1, c.emails.includes(e) ? 'email' : null);
  for (const d of query.birthDates) add(WEIGHT.birthDate, 1, c.birthDate === d ? 'birth_date' : null);
  const idHit = c.externalId !== null && query.externalIds.includes(c.externalId.toUpperCase());
  for (const id of query.externalIds)
    add(WEIGHT.externalId, 1, c.externalId?.toUpperCase() === id ? 'external_id' : null);

  return {
    candidate: c,
    score: total === 0 ? 0 : Math.round((gained / total) * 1000) / 1000,
    matchedOn: [...matched],
    approximate: names.words.some((m) => m?.approximate === true),
    complete,
    exactIdentifier: phoneHit || emailHit || idHit,
    coverage: Math.min(1, matched.size === 0 ? 0 : namePartsNamed(names.words, initialFields) / (c.middleName ? 3 : 2)),
    byFormerName: matched.has('former_last_name') && !matched.has('last_name'),
  };
}

const russian = new Intl.Collator('ru');

/** Best first; equal scores in the order of the register (surname, name, patronymic, birth date). */
export function compareScored(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    Number(b.exactIdentifier) - Number(a.exactIdentifier) ||
    // «Иванова Мария» with no Иванова Мария: the Ивановы before the Марии (the badge says «фамилия» or «имя»).
    Number(bySurname(b)) - Number(bySurname(a)) ||
    b.coverage - a.coverage ||
    Number(a.byFormerName) - Number(b.byFormerName) ||
    russian.compare(a.candidate.lastName, b.candidate.lastName) ||
    russian.compare(a.candidate.firstName, b.candidate.firstName) ||
    russian.compare(a.candidate.middleName ?? '', b.candidate.middleName ?? '') ||
    (a.candidate.birthDate ?? '').localeCompare(b.candidate.birthDate ?? '') ||
    a.candidate.id - b.candidate.id
  );
}

function bySurname(s: Scored): boolean {
  return s.matchedOn.includes('last_name') || s.matchedOn.includes('former_last_name');
}

type Part = { role: 'last' | 'first' | 'middle' | 'former'; field: MatchField; stem: string; word: string };
/** approximate: read through transliteration, the keyboard layout or a typo, not as written. */
type WordMatch = { quality: number; field: MatchField; approximate: boolean } | null;

/** The assignment of query words to this person's name parts (each part used once) that matches best. */
function matchNames(c: Candidate, words: readonly ResolvedWord[]) {
  const parts: Part[] = [
    { role: 'last', field: 'last_name', stem: c.lastStem, word: normalisedWord(c.lastName) },
    { role: 'first', field: 'first_name', stem: c.firstStem, word: normalisedWord(c.firstName) },
    ...(c.middleName && c.middleStem
      ? [
          {
            role: 'middle' as const,
            field: 'middle_name' as const,
            stem: c.middleStem,
            word: normalisedWord(c.middleName),
          },
        ]
      : []),
    ...c.formerStems.map((stem) => ({ role: 'former' as const, field: 'former_last_name' as const, stem, word: '' })),
  ];
  let best: { sum: number; matches: WordMatch[]; used: Set<Part['role']> } = { sum: -1, matches: [], used: new Set() };
  const used = new Set<number>();
  const current: WordMatch[] = [];
  const walk = (i: number, sum: number) => {
    if (i === words.length) {
      if (sum > best.sum)
        best = { sum, matches: [...current], used: new Set([...used].map((p) => parts[p]?.role ?? 'last')) };
      return;
    }
    const word = words[i];
    parts.forEach((part, p) => {
      if (used.has(p) || !word) return;
      const stem = word.stems.get(part.stem);
      if (!stem) return;
      const quality =
        stem.quality === QUALITY.exact
          ? part.word === word.word.normalised || part.role === 'former'
            ? 1
            : OTHER_FORM
          : stem.quality;
      used.add(p);
      current.push({ quality, field: part.field, approximate: stem.quality < QUALITY.exact });
      walk(i + 1, sum + quality);
      current.pop();
      used.delete(p);
    });
    current.push(null);
    walk(i + 1, sum);
    current.pop();
  };
  walk(0, 0);
  return { words: best.matches, usedRoles: best.used };
}

function namePartsNamed(words: readonly WordMatch[], initials: readonly boolean[]): number {
  return words.filter((w) => w !== null).length + initials.filter(Boolean).length;
}

function matchInitials(c: Candidate, letters: readonly string[], usedRoles: ReadonlySet<string>): boolean[] {
  const free = [
    ...(usedRoles.has('first') ? [] : [normalisedWord(c.firstName)]),
    ...(usedRoles.has('middle') || !c.middleName ? [] : [normalisedWord(c.middleName)]),
  ];
  return letters.map((letter, i) => free[i]?.startsWith(letter) ?? false);
}
