// Repairs for the usual confusions of recognised (OCR) text before fields are read from it. Each repair is local and
// conservative: a letter is only turned into a digit inside a run that already holds digits, a Latin letter only into
// its Cyrillic twin inside a word that already holds Cyrillic, so typed text (e-mail bodies) passes unchanged.

import { fixHomoglyphs } from '../subjects/name-normalise';

// Letters that OCR reads in place of digits: O/О for 0, l/I/| for 1, З/з for 3.
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  О: '0',
  о: '0',
  l: '1',
  I: '1',
  '|': '1',
  З: '3',
  з: '3',
};

// A run of digits and look-alikes that is not part of a word: «12.O3.198З», «(9l2)», but not «ООО» or «Olga».
const DIGIT_RUN = /(?<!\p{L})[0-9OoОоlI|Зз]+(?!\p{L})/gu;

/**
 * «12.O3.198З» → «12.03.1983»: look-alike letters become digits inside runs that already hold a digit. E-mail
 * addresses are left whole: «ol1985@mail.ru» is a name and a year.
 */
export function fixDigitLookalikes(text: string): string {
  return text.replace(/\S+/g, (token) =>
    token.includes('@')
      ? token
      : token.replace(DIGIT_RUN, (run) => (/\d/.test(run) ? run.replace(/\D/g, (c) => DIGIT_LOOKALIKES[c] ?? c) : run)),
  );
}

/** «Ивaнова» with a Latin a → «Иванова»; words without Cyrillic (e-mail addresses) are left alone. */
export function fixLatinLookalikes(text: string): string {
  return text.replace(/\p{L}+/gu, fixHomoglyphs);
}

/**
 * The text as fields are read from it: Unicode-normalised, words hyphenated across a line break joined, look-alike
 * letters fixed, spaces inside a line collapsed (line breaks are kept: they delimit the sender's block).
 */
export function cleanRecognisedText(text: string): string {
  const joined = text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2010-\u2012\u00AD]/g, '-')
    .replace(/(\p{Ll})-\n\s*(\p{Ll})/gu, '$1$2');
  return fixDigitLookalikes(fixLatinLookalikes(joined))
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n');
}
