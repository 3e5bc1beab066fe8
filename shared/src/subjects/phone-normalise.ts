// Phones of the +7 zone (Russia and Kazakhstan) in one canonical form, '7' + ten digits, so that a search for any
// spelling of a number is an equality lookup. Foreign numbers are not recognised: the clinic's records have none.

import { MASK } from './subject-mask';

/** Characters people put between digits: spaces, brackets, hyphens and dashes, dots. */
const FORMATTING = /[\s()\-‐-―−.]/g;

// The first digit of a ten-digit +7 number: 3, 4, 8 are landlines and 800, 9 mobiles, 6 and 7 Kazakhstan.
const ZONE_START = /^[346789]/;

export const MIN_PHONE_FRAGMENT = 4;
export const MAX_PHONE_FRAGMENT = 9;

/** '79123456789' for any way of writing a +7 number (+7, 8 or 7 prefix, or just ten digits), else null. */
export function normalisePhone(s: string): string | null {
  // Most numbers in an import are bare digits already: no formatting to strip (the regex's replace costs per row).
  const compact = isDigits(s) ? s : s.replace(FORMATTING, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  const digits = compact.replace('+', '');
  if (digits.length === 11 && /^[78]/.test(digits))
    return ZONE_START.test(digits.slice(1)) ? `7${digits.slice(1)}` : null;
  if (digits.length === 10 && ZONE_START.test(digits)) return `7${digits}`;
  return null;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The digits of a number's tail as someone may quote it («45-67», «345 67 89»): 4 to 9 digits, else null. */
export function phoneFragment(s: string): string | null {
  const compact = s.replace(FORMATTING, '');
  if (!/^\d+$/.test(compact)) return null;
  return compact.length >= MIN_PHONE_FRAGMENT && compact.length <= MAX_PHONE_FRAGMENT ? compact : null;
}

/** '79123456789' → '+7 912 345-67-89'; anything not canonical is returned as it is. */
export function formatPhone(phone: string): string {
  const m = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : phone;
}

/**
 * How a revealed phone is shown everywhere (issue 13, item 6), in the same shape as its mask: any spelling of a +7
 * number ('89025503689', '+7 (902) 550-36-89', '9025503689') → '+7 902 550-36-89'. A number that is not +7 (a
 * foreign one, an extension, a typo) is shown as it was entered: reformatting it could only mislead.
 */
export function formatPhoneForDisplay(phone: string): string {
  const canonical = normalisePhone(phone);
  return canonical ? formatPhone(canonical) : phone;
}

/** '79123456789' → '+7 ••• •••-67-89': the last four digits are how people check a number aloud. */
export function maskPhone(phone: string): string {
  const m = /^7\d{6}(\d{2})(\d{2})$/.exec(phone);
  if (m) return `+7 ${MASK.repeat(3)} ${MASK.repeat(3)}-${m[1]}-${m[2]}`;
  return phone.replace(/\d(?=(?:\D*\d){2})/g, MASK);
}
