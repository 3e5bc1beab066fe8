// Russian phone numbers the way people and old systems write them. The canonical form is 11 digits starting with 7
// ('79123456789'); everything else is presentation.

/** Formats found in the clinic's records, in rough order of frequency. */
export type StoredPhoneFormat =
  | 'plus7-spaced' // +7 912 345-67-89
  | 'plus7-plain' // +79123456789
  | 'eight-plain' // 89123456789
  | 'eight-parens' // 8 (912) 345-67-89
  | 'eight-dashed' // 8-912-345-67-89
  | 'plus7-parens' // +7 (912) 345-67-89
  | 'ten-digits'; // 9123456789

/** Extra ways a phone turns up in a letter or a search box, never stored by the demo data. */
export type TypedPhoneFormat =
  | 'plus7-dashed' // +7-912-345-67-89
  | 'spaced-ten' // 912 345 67 89
  | 'eight-spaced' // 8 912 345 67 89
  | 'plus7-tight-parens'; // +7(912)345-67-89

export type PhoneFormat = StoredPhoneFormat | TypedPhoneFormat;

export const STORED_PHONE_FORMATS: readonly StoredPhoneFormat[] = [
  'plus7-spaced',
  'plus7-plain',
  'eight-plain',
  'eight-parens',
  'eight-dashed',
  'plus7-parens',
  'ten-digits',
];

export const PHONE_FORMATS: readonly PhoneFormat[] = [
  ...STORED_PHONE_FORMATS,
  'plus7-dashed',
  'spaced-ten',
  'eight-spaced',
  'plus7-tight-parens',
];

/** Writes canonical digits ('7' + 10 digits) in the given format. */
export function formatPhone(digits: string, format: PhoneFormat): string {
  if (!/^7\d{10}$/.test(digits)) throw new Error(`not a canonical phone: ${digits}`);
  const code = digits.slice(1, 4);
  const a = digits.slice(4, 7);
  const b = digits.slice(7, 9);
  const c = digits.slice(9, 11);
  switch (format) {
    case 'plus7-spaced':
      return `+7 ${code} ${a}-${b}-${c}`;
    case 'plus7-plain':
      return `+${digits}`;
    case 'eight-plain':
      return `8${digits.slice(1)}`;
    case 'eight-parens':
      return `8 (${code}) ${a}-${b}-${c}`;
    case 'eight-dashed':
      return `8-${code}-${a}-${b}-${c}`;
    case 'plus7-parens':
      return `+7 (${code}) ${a}-${b}-${c}`;
    case 'ten-digits':
      return digits.slice(1);
    case 'plus7-dashed':
      return `+7-${code}-${a}-${b}-${c}`;
    case 'spaced-ten':
      return `${code} ${a} ${b} ${c}`;
    case 'eight-spaced':
      return `8 ${code} ${a} ${b} ${c}`;
    case 'plus7-tight-parens':
      return `+7(${code})${a}-${b}-${c}`;
  }
}
