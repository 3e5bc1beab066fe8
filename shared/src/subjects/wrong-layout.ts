// Words typed with the wrong keyboard layout: «bdfyjdf» is «иванова» typed on the Latin keys. The search reads a
// Latin word both ways and keeps the reading that looks more like a Russian name.

import { unknownLetterPairs } from './name-bigrams';
import { normaliseName } from './name-normalise';
import { latinToCyrillicCandidates } from './transliteration';

const EN_KEYS = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,./`QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?~@#$^&|';
const RU_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбю.ёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё"№;:?/';

const LAYOUT = new Map([...EN_KEYS].map((c, i) => [c, RU_KEYS[i] ?? c]));

/** What the same keys give on the Russian ЙЦУКЕН layout: «bdfyjdf» → «иванова», «k.,jdm» → «любовь». */
export function fixKeyboardLayout(text: string): string {
  return [...text].map((c) => LAYOUT.get(c) ?? c).join('');
}

const RU_VOWEL = '[аеёиоуыэюя]';
const RU_CONSONANT = '[бвгджзйклмнпрстфхцчшщ]';

// Letter pairs that Russian spelling does not make: й, ь, ъ, ы after a vowel or at the start of a word (й may start
// one before a vowel), й after a consonant, ы after г к х ж ш щ ч й ь ъ, two signs in a row, я ю э after ж ш щ ч;
// and four consonants in a row.
const UNRUSSIAN = new RegExp(
  [
    `${RU_VOWEL}[ьъы]`,
    `(^|-)([ьъы]|й${RU_CONSONANT})`,
    `${RU_CONSONANT}й`,
    '[гкхжшщчйьъ]ы',
    '[йьъ][ьъ]',
    '[жшщч][яюэ]',
    `${RU_CONSONANT}ь?${RU_CONSONANT}ь?${RU_CONSONANT}ь?${RU_CONSONANT}`,
  ].join('|'),
);

/** Whether a lower-case Cyrillic word could be a Russian name: a fifth to four fifths vowels, no UNRUSSIAN pair. */
export function looksLikeRussianWord(word: string): boolean {
  if (!/^[а-яё]+(-[а-яё]+)*$/.test(word)) return false;
  const letters = word.replace(/-/g, '');
  const ratio = (letters.match(new RegExp(RU_VOWEL, 'g'))?.length ?? 0) / letters.length;
  return ratio >= 0.2 && ratio <= 0.8 && !UNRUSSIAN.test(word);
}

const LAYOUT_ONLY = /^[a-z[\]{};:'",.<>`~-]+$/i;

/** How little a lower-case Cyrillic word reads as a Russian name: unknown letter pairs, plus two if it breaks a rule. */
function oddness(word: string): number {
  return unknownLetterPairs(word) + (looksLikeRussianWord(word) ? 0 : 2);
}

/**
 * The Russian readings of a word typed with the English layout on, normalised, best first. A trailing , or . is
 * the б or ю key («vfhb.» → «марию») or punctuation after the word («bdfyjdf,» → «иванова»): both readings are
 * returned, the one that reads more like a name first.
 */
export function layoutReadings(word: string): string[] {
  const whole = normaliseName(fixKeyboardLayout(word));
  const trimmed = word.replace(/[,.]+$/, '');
  if (trimmed === word || trimmed === '') return [whole];
  const cut = normaliseName(fixKeyboardLayout(trimmed));
  return oddness(cut) < oddness(whole) ? [cut, whole] : [whole, cut];
}

type LayoutVerdict = 'layout' | 'either' | 'latin';

function layoutVerdict(word: string): LayoutVerdict {
  if (word.length < 3 || !LAYOUT_ONLY.test(word) || !/[a-z]/i.test(word)) return 'latin';
  if (/^([a-z]{1,2}\.)+$/i.test(word)) return 'latin'; // initials: M.P., Yu.P.
  const swapped = layoutReadings(word)[0] ?? '';
  if (!looksLikeRussianWord(swapped)) return 'latin';
  const latin = word.replace(/[,.]+$/, '');
  if (!/^[a-z'-]+$/i.test(latin)) return 'layout';
  const transliterated = Math.min(...latinToCyrillicCandidates(latin).map((c) => oddness(normaliseName(c))));
  const difference = transliterated - oddness(swapped);
  return difference > 0 ? 'layout' : difference === 0 ? 'either' : 'latin';
}

/**
 * Heuristic for a Russian word typed with the English layout on: every character is a key that gives a Russian
 * letter, the layout swap reads as Russian, and it reads so better than every transliteration of the Latin (or the
 * Latin has punctuation inside). «bdfyjdf» → true; «Ivanova», «Dmitry», «Mkrtchyan» → false.
 */
export function looksLikeWrongLayout(word: string): boolean {
  return layoutVerdict(word) === 'layout';
}

/** Weaker: the layout swap reads as Russian at least as well as the Latin does («ajrby» → «фокин», «айрбий»). */
export function mayBeWrongLayout(word: string): boolean {
  return layoutVerdict(word) !== 'latin';
}
