/**
 * Brings a letter's text (typed, OCR'd, or converted from HTML) to one form the wording rules can match:
 * lower case, ё → е, no quotes of any kind, hyphenated line breaks joined, runs of spaces collapsed.
 * Line breaks are KEPT (as single '\n'): a subject line or a heading ends at its line, and the rules use
 * `\s+` between words, so a phrase broken across lines still matches.
 */

// Latin letters that look like Cyrillic ones: OCR and careless typists mix them inside Russian words.
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

const QUOTES = /[«»"„“”‟‚‘’‛'`´]/g;
const HYPHENS = '\\-\u2010\u2011\u2012\u2013';
// A word broken at a line end: «персо-\nнальных» → «персональных».
const HYPHENATED_BREAK = new RegExp(`([а-я])[${HYPHENS}][ \\t]*\\n\\s*([а-я])`, 'g');
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function normaliseWording(text: string): string {
  const lower = text.normalize('NFC').replace(INVISIBLE, '').toLowerCase().replaceAll('ё', 'е');
  return fixLookalikes(lower)
    .replace(/\r\n?/g, '\n')
    .replace(QUOTES, ' ')
    .replace(/[\u00a0\t\f\v ]+/g, ' ')
    .replace(HYPHENATED_BREAK, '$1$2')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** Maps Latin look-alikes to Cyrillic, only inside words that already have Cyrillic letters. */
function fixLookalikes(text: string): string {
  return text.replace(/[a-zа-я]+/g, (word) =>
    /[а-я]/.test(word) ? word.replace(/[aceykmopx]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch) : word,
  );
}

/** A sentence of the normalised text, and whether it asks (has a question mark). */
export interface Sentence {
  text: string;
  question: boolean;
}

/** Splits on . ! ? ; (abbreviations like «п. 3.6» make harmless extra pieces). */
export function splitSentences(normalised: string): Sentence[] {
  const pieces = normalised.match(/[^.!?;]+[.!?;]*/g) ?? [];
  return pieces
    .map((piece) => ({ text: piece.trim(), question: piece.includes('?') }))
    .filter((sentence) => sentence.text.length > 0);
}
