// Masked personal data for lists, where nothing is shown in clear until someone opens the record: enough to tell
// two namesakes apart and to read a record out on the phone, not enough to copy the data out of a screenshot.
// One rule throughout: the first letter (and the last of a surname) stays, the rest becomes MASK, one per letter.

export const MASK = '•';

/** «Иванова» → «И•••••а»; two letters keep the first, one letter is masked whole. */
function maskWord(word: string): string {
  const letters = [...word];
  if (letters.length <= 1) return MASK.repeat(letters.length);
  if (letters.length === 2) return `${letters[0]}${MASK}`;
  return `${letters[0]}${MASK.repeat(letters.length - 2)}${letters[letters.length - 1]}`;
}

/** «Анна-Мария» → «А.-М.». */
function initials(word: string): string {
  return word
    .split('-')
    .map((part) => (part ? `${[...part][0]}.` : ''))
    .join('-');
}

/**
 * «Иванова Мария Петровна» → «И•••••а М. П.»: the surname (the first word) masked part by part, every other word
 * cut to its initial.
 */
export function maskFullName(fullName: string): string {
  const [surname = '', ...rest] = fullName.trim().split(/\s+/);
  return [surname.split('-').map(maskWord).join('-'), ...rest.map(initials)].join(' ').trim();
}

/** «ivanova@mail.ru» → «i••••••@mail.ru»: the domain tells a work address from a personal one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskWord(email);
  const local = [...email.slice(0, at)];
  const shown = local.length > 1 ? `${local[0]}${MASK.repeat(local.length - 1)}` : MASK.repeat(local.length);
  return `${shown}${email.slice(at)}`;
}

/** «1985-03-12» → «••.••.1985»: the year tells a mother from a daughter of the same name. */
export function maskBirthDate(isoDate: string): string {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(isoDate)?.[1] ?? MASK.repeat(4);
  return `${MASK.repeat(2)}.${MASK.repeat(2)}.${year}`;
}
