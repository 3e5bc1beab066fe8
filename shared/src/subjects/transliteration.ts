// Latin ↔ Cyrillic for Russian names (the wrong-keyboard-layout fix is in wrong-layout.ts).
//
// Latin spellings of Russian names are ambiguous: «Tatiana» is Татьяна, «Diana» is Диана; «Elena» is Елена,
// «Eduard» is Эдуард; «ia» is я in passports (ICAO) and ия elsewhere. One guess per word would
// miss some of these, so latinToCyrillicCandidates returns the best guess plus up to three single-point variants;
// the search looks all of them up in the small stem dictionary, where fuzzy matching absorbs what remains.

import { normaliseName } from './name-normalise';

type Options = readonly string[];

const MAX_CANDIDATES = 4;
const LATIN_VOWEL = /[aeiouy]/;

function isVowel(c: string | undefined): boolean {
  return c !== undefined && LATIN_VOWEL.test(c);
}

/** A soft sign is likely before an iotated vowel when the consonant before it follows a vowel: Tatyana, Vasiliev. */
function softSignLikely(w: string, i: number): boolean {
  return i >= 2 && !isVowel(w[i - 1]) && w[i - 1] !== '-' && isVowel(w[i - 2]);
}

const IOTATED: Readonly<Record<string, string>> = { a: 'я', u: 'ю', e: 'е', o: 'ё' };
const HARD: Readonly<Record<string, string>> = { a: 'а', u: 'у', e: 'е', o: 'о' };

// Word-initial e is э in these foreign-born names and е almost everywhere else (Елена, Евгений, Егор).
const INITIAL_E = /^e(d|ri[ck]|rn|ll|lv|ld|mm|mil|vel|leo)/;

const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['shh', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['tc', 'ц'],
  ['tz', 'ц'],
  ['ph', 'ф'],
  ['ck', 'к'],
];

const SINGLE: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  d: 'д',
  f: 'ф',
  g: 'г',
  h: 'х',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  z: 'з',
  "'": 'ь',
};

/** Options for an iotated vowel (ya, iu, je…) at w[i] whose marker letter is w[i], vowel w[i + 1]. */
function iotated(w: string, i: number): Options {
  const marker = w[i] ?? '';
  const vowel = w[i + 1] ?? '';
  const plain = IOTATED[vowel] ?? '';
  const prev = w[i - 1];
  const atStart = i === 0 || prev === '-';
  const atEnd = i + 2 === w.length || w[i + 2] === '-';
  if (atStart) return marker === 'i' && vowel === 'o' ? ['ио', plain] : [plain];
  if (isVowel(prev) || prev === "'") return marker === 'i' && vowel === 'o' ? ['йо', plain] : [plain];
  const soft = `ь${plain}`;
  const withI = `и${HARD[vowel] ?? ''}`;
  const likely = softSignLikely(w, i);
  if (vowel === 'o') {
    // -ьёв is a surname suffix (Solovyov); elsewhere yo after a consonant is ё (Semyon, Artyom, Fyodor).
    const options = likely && w[i + 2] === 'v' ? [soft, plain] : [plain, soft];
    return marker === 'i' ? [...options, withI] : options;
  }
  if (marker !== 'i') return likely ? [soft, plain] : [plain, soft];
  if (atEnd && vowel === 'a') return ['ия', soft, plain]; // Maria, Natalia, Ilia: -ия and -ья give one stem
  if (likely) return [soft, withI, plain];
  return vowel === 'u' ? [plain, withI, soft] : [withI, plain, soft];
}

function isIotated(w: string, i: number): boolean {
  return /[yji]/.test(w[i] ?? '') && (w[i + 1] ?? '') in IOTATED;
}

/** Options for an i that is not part of ia/iu/ie/io or a final -ii/-iy. */
function letterI(w: string, i: number): Options {
  const prev = w[i - 1];
  const next = w[i + 1];
  if (i === 0 || !isVowel(prev)) return ['и'];
  if (next === undefined || next === '-' || next === 'i') return ['й']; // Sergei, Nikolai; ICAO Maiia
  if (isVowel(next)) return ['и'];
  // Mikhail, Ismail, Daniil: a vowel, i and one final consonant read as -аил; Zaitsev, Khaidarov as -ай-.
  const finalConsonant = i + 2 === w.length || w[i + 2] === '-';
  return finalConsonant ? ['и', 'й'] : ['й', 'и'];
}

/** Splits a lower-case Latin word into transliteration options, one entry per output letter group. */
function latinSegments(w: string): { options: Options; length: number }[] {
  const out: { options: Options; length: number }[] = [];
  let i = 0;
  while (i < w.length) {
    const c = w[i] ?? '';
    const next = w[i + 1];
    const prev = w[i - 1];
    const atStart = i === 0 || prev === '-';
    const rest = w.slice(i);
    const endAfter = (n: number) => i + n === w.length || w[i + n] === '-';
    // French-style Tch- (Tchaikovsky) only at the start: inside a word t and ch are two letters (Mkrtchian).
    const digraph =
      atStart && rest.startsWith('tch') ? (['tch', 'ч'] as const) : DIGRAPHS.find(([l]) => rest.startsWith(l));
    if (digraph) {
      out.push({ options: [digraph[1]], length: digraph[0].length });
    } else if (/^(iy|ij|ii)/.test(rest) && endAfter(2)) {
      out.push({ options: ['ий'], length: 2 });
    } else if (/^(yy|yj)/.test(rest) && endAfter(2)) {
      out.push({ options: ['ый', 'ий'], length: 2 });
    } else if (isIotated(w, i)) {
      out.push({ options: iotated(w, i), length: 2 });
    } else if (c === 'y') {
      if (isVowel(next)) out.push({ options: ['й'], length: 1 });
      else if (endAfter(1)) out.push({ options: isVowel(prev) ? ['й'] : ['ий', 'ы'], length: 1 });
      else if (isVowel(prev)) out.push({ options: ['й'], length: 1 });
      else out.push({ options: ['ы', 'и'], length: 1 });
    } else if (c === 'i') {
      out.push({ options: letterI(w, i), length: 1 });
    } else if (c === 'e') {
      if (atStart) out.push({ options: INITIAL_E.test(rest) ? ['э', 'е'] : ['е', 'э'], length: 1 });
      else if (prev === 'a' || prev === 'o' || prev === 'u') out.push({ options: ['е', 'э'], length: 1 });
      else out.push({ options: ['е'], length: 1 });
    } else if (c === 'c') {
      out.push({ options: [next === 'e' || next === 'i' || next === 'y' ? 'ц' : 'к'], length: 1 });
    } else {
      out.push({ options: [SINGLE[c] ?? c], length: 1 });
    }
    i += out[out.length - 1]?.length ?? 1;
  }
  return out;
}

/**
 * Cyrillic readings of a Latin-script Russian name, lower-case, best first, at most four: the best guess, then the
 * guesses that differ from it at one ambiguous point, left to right. Non-Latin characters pass through.
 */
export function latinToCyrillicCandidates(word: string): string[] {
  const segments = latinSegments(normaliseName(word));
  const best = segments.map((s) => s.options[0] ?? '');
  const candidates = new Set([best.join('')]);
  segments.forEach((segment, index) => {
    for (const option of segment.options.slice(1)) {
      if (candidates.size >= MAX_CANDIDATES) return;
      candidates.add(best.map((b, j) => (j === index ? option : b)).join(''));
    }
  });
  return [...candidates];
}

/** The best Cyrillic reading of a Latin-script Russian name, lower-case («Tatiana» → «татьяна»). */
export function latinToCyrillic(word: string): string {
  return latinToCyrillicCandidates(word)[0] ?? '';
}

// ICAO Doc 9303, as in Russian passports: ё→e, й→i, ъ→ie, ь dropped, я→ia, ю→iu, ц→ts, х→kh.
const ICAO: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * A lossy key for matching a name across scripts and doubled letters: the ICAO spelling of a stem with doubled
 * letters single, y read as i and ii as i. It erases what Latin spellings lose or blur (ь, ъ, й/и/ы, е/ё/э,
 * я/ия, Кирилл/Kiril) and the commonest slip of the finger, a doubled key: «ольг» and «олг» (from «Olga») → «olg»,
 * «васильев» and «василев» (from «Vasilev») → «vasilev», «проххор» → «prokhor».
 */
export function nameSkeleton(stem: string): string {
  const single = normaliseName(stem).replace(/(.)\1+/gu, '$1');
  return cyrillicToLatin(single).replace(/y/g, 'i').replace(/i+/g, 'i');
}

/** Passport-style (ICAO) Latin spelling; keeps the capitalisation of the input («Щукина» → «Shchukina»). */
export function cyrillicToLatin(word: string): string {
  const allCaps = word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
  const latin = [...word]
    .map((c) => {
      const lower = c.toLowerCase();
      const mapped = ICAO[lower];
      if (mapped === undefined) return c;
      return c === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
    })
    .join('');
  return allCaps ? latin.toUpperCase() : latin;
}
