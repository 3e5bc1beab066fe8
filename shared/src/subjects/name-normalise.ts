// Name normalisation and a light Russian name stemmer. Stored names and query words go through the same two
// functions, so the stems only have to agree with each other: the search looks stems up by equality (and fuzzily in
// the small dictionary of distinct stems), it never shows them to anyone.

const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4\u2032\u02B9`]/g;

// Latin letters that look like Cyrillic ones. A word typed or pasted with one of them ("Ивaнова" with a Latin a)
// would otherwise never match; they are replaced only inside words that already contain Cyrillic.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а',
  A: 'А',
  B: 'В',
  c: 'с',
  C: 'С',
  e: 'е',
  E: 'Е',
  H: 'Н',
  k: 'к',
  K: 'К',
  M: 'М',
  o: 'о',
  O: 'О',
  p: 'р',
  P: 'Р',
  T: 'Т',
  x: 'х',
  X: 'Х',
  y: 'у',
  Y: 'У',
};

const CYRILLIC = /[\u0400-\u04FF]/;

/** Latin look-alikes in a word that contains Cyrillic replaced by their Cyrillic twins; other words as they are. */
export function fixHomoglyphs(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  return word.replace(/[a-zA-Z]/g, (c) => HOMOGLYPHS[c] ?? c);
}

/** Trims, collapses spaces, lower-cases, folds ё into е, unifies hyphens and apostrophes, fixes Latin look-alikes. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(HYPHENS, '-')
    .replace(APOSTROPHES, "'")
    .trim()
    .split(/\s+/)
    .map(fixHomoglyphs)
    .join(' ')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

/*
 * Stemming rules, applied to each hyphen-separated part of a normalised word:
 *
 * 1. Words in -ых/-их are left whole: Седых, Белых, Долгих do not decline (the price: plurals like «Ивановых» miss).
 * 2. A few first names with a fleeting vowel are mapped to their oblique stem: Павел → павл (Павла), Лев → льв.
 * 3. Otherwise the longest ending from ENDINGS is cut, provided at least MIN_STEM letters remain. The list holds the
 *    case endings of the noun and adjective declensions names follow, including the endings of the stem-final
 *    й/ь/и of Сергей, Николай, Игорь, Дмитрий, Мария, Наталья, so that every form of a name loses the same tail:
 *      Иванов, Иванова, Иванову, Ивановым, Иванове, Ивановой, Ивановою  → иванов
 *      Мария, Марии, Марию, Марией; Марья, Марье, Марьей                → мар
 *      Сергей, Сергея, Сергею, Сергеем, Сергее                          → серг
 *      Толстой, Толстого, Толстому, Толстым, Толстая, Толстую           → толст
 *      Петровна, Петровны, Петровне, Петровну, Петровной                → петровн
 *    A lone -о is never cut (Шевченко, Франко, Дурново do not decline); -ого/-его are.
 * 4. -ем, -им, -его, -ему are ambiguous with a nominative in -ем/-им plus an ending (Артём, Артёму; Максим, Вадим,
 *    Ибрагим), so they are cut only after consonants where such a nominative is unlikely: -ем after р, л, ц and
 *    hushing consonants (Игорем, Гоголем, Петровичем), -им after к and hushing consonants (Достоевским, Горьким),
 *    -его/-ему after н and hushing consonants (Синего, Рыжему).
 *
 * Masculine and feminine surnames share a stem (Иванов/Иванова, Достоевский/Достоевская), and so do some
 * masculine/feminine first names (Александр/Александра, Евгений/Евгения, Виктор/Виктория): they are the same
 * strings in some cases anyway, and false merges cost less than misses.
 */
const MIN_STEM = 2;

const ENDINGS: readonly string[] = [
  'иею',
  'ией',
  'ием',
  'ьею',
  'ьей',
  'ьем',
  'еем',
  'аем',
  'ого',
  'ому',
  'ой',
  'ою',
  'ей',
  'ею',
  'ом',
  'ым',
  'ая',
  'яя',
  'ую',
  'юю',
  'ий',
  'ый',
  'ия',
  'ии',
  'ию',
  'ья',
  'ьи',
  'ье',
  'ью',
  'ея',
  'ее',
  'ай',
  'аю',
  'ае',
  'а',
  'я',
  'ы',
  'и',
  'е',
  'у',
  'ю',
  'ь',
  'й',
].toSorted((a, b) => b.length - a.length);

const CONDITIONAL_ENDINGS: ReadonlyArray<{ ending: string; after: RegExp }> = [
  { ending: 'ем', after: /[рлжшчщц]$/ },
  { ending: 'им', after: /[кжшчщ]$/ },
  { ending: 'его', after: /[нжшчщ]$/ },
  { ending: 'ему', after: /[нжшчщ]$/ },
];

const IRREGULAR: Readonly<Record<string, string>> = { павел: 'павл', лев: 'льв' };

function stemPart(part: string): string {
  if (/(ых|их)$/.test(part)) return part;
  const irregular = IRREGULAR[part];
  if (irregular) return irregular;
  for (const { ending, after } of CONDITIONAL_ENDINGS) {
    const rest = part.slice(0, -ending.length);
    if (part.endsWith(ending) && rest.length >= MIN_STEM && after.test(rest)) return rest;
  }
  for (const ending of ENDINGS) {
    if (part.endsWith(ending) && part.length - ending.length >= MIN_STEM) return part.slice(0, -ending.length);
  }
  return part;
}

/** The stem of one name word (any case form, any letter case); words without Cyrillic are only normalised. */
export function nameStem(word: string): string {
  const normalised = normaliseName(word);
  if (!CYRILLIC.test(normalised)) return normalised;
  return normalised.split('-').map(stemPart).join('-');
}
