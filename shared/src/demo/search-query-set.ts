// Search-quality queries over a set of demo subjects: what a registrar types or copies from a letter, each with the
// one subject it must find. Deliberately independent of the application's search normaliser (its own
// transliteration, keyboard and declension), so that it tests the search rather than repeating it.
//
// A query is only made when its answer is well defined in the given set: name queries use people whose full name
// is unique there (after lower-casing and ё → е), and each kind checks that its own key — initials, surname and
// birth date, surname and phone digits, with Иванов and Иванова taken as one surname — points at one person.

import { formatPhone, PHONE_FORMATS } from './demo-phones';
import type { DemoSubject } from './demo-subjects';
import { lazyCounts } from './key-counts';
import { chance, deriveSeed, int, mulberry32, pick, type Rng, shuffledIndices } from './prng';
import { mixCase, restoreYo, typo } from './query-noise';
import { type DeclensionCase, declineFullName } from './russian-declension';
import { toWrongLayout } from './russian-keyboard';
import { withoutYo } from './russian-names';
import { TRANSLIT_SCHEMES, transliterate } from './russian-translit';

export const QUERY_KINDS = [
  'fio-nominative',
  'fio-genitive',
  'fio-dative',
  'initials',
  'translit',
  'yo-e',
  'typo',
  'wrong-layout',
  'phone-format',
  'phone-fragment',
  'email',
  'birth-date-with-surname',
  'former-surname',
] as const;

export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SearchQuery {
  kind: QueryKind;
  query: string;
  expectedExternalId: string;
}

export interface QuerySet {
  queries: SearchQuery[];
  /** Queries made per kind; fewer than asked when the subjects had too few unambiguous candidates. */
  counts: Record<QueryKind, number>;
}

export interface QuerySetOptions {
  seed: number;
  /** Queries wanted per kind; 25 by default, which gives 325 in all. */
  perKind?: number;
}

export function buildQuerySet(subjects: readonly DemoSubject[], options: QuerySetOptions): QuerySet {
  const { seed, perKind = 25 } = options;
  const builders = queryBuilders(subjects);
  // One visiting order for all kinds, each kind starting at its own place in it and drawing from its own stream,
  // so that changing one kind does not reshuffle the others.
  const order = shuffledIndices(mulberry32(deriveSeed(seed, 0)), subjects.length);
  const queries: SearchQuery[] = [];
  const counts = {} as Record<QueryKind, number>;
  QUERY_KINDS.forEach((kind, k) => {
    const rng = mulberry32(deriveSeed(seed, k + 1));
    const start = subjects.length > 0 ? int(rng, 0, subjects.length - 1) : 0;
    let made = 0;
    for (let step = 0; step < subjects.length && made < perKind; step++) {
      const subject = subjects[order[(start + step) % subjects.length] ?? 0];
      if (subject === undefined) continue;
      const query = builders[kind](subject, rng, made);
      if (query === null) continue;
      queries.push({ kind, query, expectedExternalId: subject.externalId });
      made++;
    }
    counts[kind] = made;
  });
  return { queries, counts };
}

/** Makes the query of its kind for a subject, or null when that subject cannot have an unambiguous one. */
type QueryBuilder = (subject: DemoSubject, rng: Rng, made: number) => string | null;

const norm = (text: string): string => text.toLowerCase().replace(/ё/g, 'е');
/** Order-insensitive key of a name: a search must find «Мария Иванова» as well as «Иванова Мария». */
const nameKey = (words: readonly string[]): string => words.map(norm).sort().join(' ');
/**
 * The surname with a feminine ending made masculine (Иванова → иванов, Покровская → покровский), so that keys do
 * not tell a husband from his wife: a search that folds name forms together must still find one person only.
 */
const surnameBase = (surname: string): string => {
  const lower = norm(surname);
  if (/(ск|цк)ая$/.test(lower)) return `${lower.slice(0, -2)}ий`;
  if (lower.endsWith('ая')) return `${lower.slice(0, -2)}ой`;
  return /(ов|ев|ин|ын)а$/.test(lower) ? lower.slice(0, -1) : lower;
};
const nameWords = (s: DemoSubject): string[] =>
  s.middleName === null ? [s.lastName, s.firstName] : [s.lastName, s.firstName, s.middleName];
const icao = (word: string): string => transliterate(word.toLowerCase(), 'icao');

function queryBuilders(subjects: readonly DemoSubject[]): Record<QueryKind, QueryBuilder> {
  // Indexes are built on first use: a kind nobody asks about costs nothing.
  const names = lazyCounts(subjects, (s) => nameKey(nameWords(s)));
  const formerNames = lazyCounts(subjects, (s) => {
    const words = formerName(s);
    return words === null ? null : nameKey(words);
  });
  const initials = lazyCounts(subjects, initialsKey);
  const passportNames = lazyCounts(subjects, (s) => nameKey([icao(s.lastName), icao(s.firstName)]));
  const latinNames = lazyCounts(subjects, (s) => nameKey(nameWords(s).map(icao)));
  const phones = lazyCounts(subjects, (s) => s.phoneDigits);
  const phoneTails = lazyCounts(subjects, phoneTailKey);
  const birthDates = lazyCounts(subjects, birthDateKey);
  const emails = lazyCounts(subjects, (s) => s.email?.toLowerCase() ?? null);

  const uniqueName = (s: DemoSubject) => names()(nameKey(nameWords(s))) === 1;
  /** A changed name that is nobody's real name: the query still points only at the intended person. */
  const nobodysName = (text: string) => names()(nameKey(text.split(' '))) === 0;

  const declined =
    (grammaticalCase: DeclensionCase): QueryBuilder =>
    (s, rng) => {
      // Without a patronymic «Петрова Александра» (genitive of Петров Александр) is also a woman's nominative name.
      if (s.middleName === null || !uniqueName(s)) return null;
      const text = declineFullName(s, grammaticalCase);
      if (!nobodysName(text)) return null;
      const [last, first, middle] = text.split(' ');
      return chance(rng, 0.25) ? `${first} ${middle} ${last}` : text;
    };

  return {
    'fio-nominative': (s, rng) => {
      if (!uniqueName(s)) return null;
      const words = nameWords(s);
      return Array.from(shuffledIndices(rng, words.length), (i) => mixCase(words[i] ?? '', rng)).join(' ');
    },
    'fio-genitive': declined('genitive'),
    'fio-dative': declined('dative'),
    initials: (s, _rng, made) => {
      if (s.middleName === null || initials()(initialsKey(s) ?? '') !== 1) return null;
      const f = s.firstName.charAt(0);
      const m = s.middleName.charAt(0);
      const styles = [
        `${s.lastName} ${f}.${m}.`,
        `${s.lastName} ${f}. ${m}.`,
        `${f}.${m}. ${s.lastName}`,
        `${f}. ${m}. ${s.lastName}`,
      ];
      return styles[made % styles.length] ?? null;
    },
    translit: (s, rng, made) => {
      // Half as in a passport (surname and given name, capitals, ICAO), half the full name in any scheme.
      if (made % 2 === 0) {
        if (passportNames()(nameKey([icao(s.lastName), icao(s.firstName)])) !== 1) return null;
        return transliterate(`${s.lastName} ${s.firstName}`, 'icao').toUpperCase();
      }
      if (latinNames()(nameKey(nameWords(s).map(icao))) !== 1) return null;
      const text = transliterate(nameWords(s).join(' '), pick(rng, TRANSLIT_SCHEMES));
      return chance(rng, 0.3) ? text.toLowerCase() : text;
    },
    'yo-e': (s) => {
      if (!uniqueName(s)) return null;
      const words = nameWords(s);
      if (words.some((w) => /[ёЁ]/.test(w))) return words.map(withoutYo).join(' ');
      // Stored without ё (Федоров): query as the name is properly spelled (Фёдоров).
      const restored = words.map(restoreYo);
      return restored.some((w, i) => w !== words[i]) ? restored.join(' ') : null;
    },
    typo: (s, rng) => {
      if (!uniqueName(s)) return null;
      const words = nameWords(s);
      // Short names (Лев, Ян, Ева) are left alone: one edit turns them into another name or into noise.
      const editable = words.flatMap((w, i) => (w.length > 3 ? [i] : []));
      if (editable.length === 0) return null;
      const edits = editable.length >= 2 && chance(rng, 0.35) ? 2 : 1;
      const chosen = shuffledIndices(rng, editable.length).slice(0, edits);
      for (const c of chosen) {
        const i = editable[c] ?? 0;
        words[i] = typo(words[i] ?? '', rng);
      }
      const text = words.join(' ');
      return nobodysName(text) ? text : null;
    },
    'wrong-layout': (s, rng) => {
      if (!uniqueName(s)) return null;
      const text = nameWords(s).join(' ');
      // In a search box people rarely bother with capitals.
      return toWrongLayout(chance(rng, 0.7) ? text.toLowerCase() : text);
    },
    'phone-format': (s, rng) => {
      if (s.phoneDigits === null || phones()(s.phoneDigits) !== 1) return null;
      const digits = s.phoneDigits;
      return formatPhone(
        digits,
        pick(
          rng,
          PHONE_FORMATS.filter((f) => formatPhone(digits, f) !== s.phone),
        ),
      );
    },
    'phone-fragment': (s, rng) => {
      const key = phoneTailKey(s);
      if (key === null || phoneTails()(key) !== 1) return null;
      const surname = chance(rng, 0.3) ? s.lastName.toLowerCase() : s.lastName;
      return `${surname} ${s.phoneDigits?.slice(-4)}`;
    },
    email: (s, rng) => {
      if (s.email === null || emails()(s.email.toLowerCase()) !== 1) return null;
      const lower = s.email.toLowerCase();
      const variants = [s.email.toUpperCase(), lower, lower.charAt(0).toUpperCase() + lower.slice(1)];
      return pick(
        rng,
        variants.filter((v) => v !== s.email),
      );
    },
    'birth-date-with-surname': (s, _rng, made) => {
      if (birthDates()(birthDateKey(s)) !== 1) return null;
      const [year, month, day] = s.birthDate.split('-');
      return made % 2 === 0 ? `${s.lastName} ${day}.${month}.${year}` : `${s.lastName} ${s.birthDate}`;
    },
    'former-surname': (s) => {
      const words = formerName(s);
      if (words === null) return null;
      const key = nameKey(words);
      return names()(key) === 0 && formerNames()(key) === 1 ? words.join(' ') : null;
    },
  };
}

function formerName(s: DemoSubject): string[] | null {
  if (s.formerLastName === null) return null;
  return s.middleName === null ? [s.formerLastName, s.firstName] : [s.formerLastName, s.firstName, s.middleName];
}

function initialsKey(s: DemoSubject): string | null {
  if (s.middleName === null) return null;
  return `${surnameBase(s.lastName)} ${norm(s.firstName.charAt(0))}${norm(s.middleName.charAt(0))}`;
}

function phoneTailKey(s: DemoSubject): string | null {
  return s.phoneDigits === null ? null : `${surnameBase(s.lastName)} ${s.phoneDigits.slice(-4)}`;
}

function birthDateKey(s: DemoSubject): string {
  return `${surnameBase(s.lastName)} ${s.birthDate}`;
}
