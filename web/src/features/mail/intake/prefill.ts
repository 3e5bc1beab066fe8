import type { ConfirmableField, LetterFieldValues, PrefillField } from '@pd-desk/shared/mail/mail-model';
import { PREFILL_FIELDS } from '@pd-desk/shared/mail/mail-model';
import { formatPhone } from '@pd-desk/shared/subjects/phone-normalise';

/** The form's text fields OCR may fill, by their name in the form. */
export type SenderValues = {
  senderName: string;
  birthDate: string | null;
  phone: string;
  email: string;
  address: string;
};

/** OCR turns Latin letters into Cyrillic look-alikes («уандех.ги»): such an address is no proposal, it is noise. */
const PLAUSIBLE_EMAIL = /^[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}$/i;

const FORM_FIELD: Record<PrefillField, keyof SenderValues> = {
  fullName: 'senderName',
  birthDate: 'birthDate',
  phone: 'phone',
  email: 'email',
  address: 'address',
};

export const formFieldOf = (field: PrefillField) => FORM_FIELD[field];

/**
 * What OCR read goes only into fields still empty: a registrar's typing is never overwritten. Returns the
 * new values and which fields were prefilled (those stay highlighted until confirmed).
 */
export function applyPrefill(values: SenderValues, fields: LetterFieldValues | null) {
  const next = { ...values };
  const prefilled: PrefillField[] = [];
  if (!fields) return { values: next, prefilled };
  for (const field of PREFILL_FIELDS) {
    const read = fields[field];
    const key = FORM_FIELD[field];
    if (!read || next[key]) continue;
    if (field === 'email' && !PLAUSIBLE_EMAIL.test(read)) continue;
    (next as Record<string, string | null>)[key] = field === 'phone' ? formatPhone(read) : read;
    prefilled.push(field);
  }
  return { values: next, prefilled };
}

/** The next field still waiting for the registrar's confirmation after `current`, in form order. */
export function nextUnconfirmed(
  order: readonly ConfirmableField[],
  prefilled: ReadonlySet<ConfirmableField>,
  confirmed: ReadonlySet<ConfirmableField>,
  current: ConfirmableField | null,
): ConfirmableField | null {
  const start = current ? order.indexOf(current) + 1 : 0;
  const waiting = (f: ConfirmableField) => prefilled.has(f) && !confirmed.has(f);
  return order.slice(start).find(waiting) ?? order.slice(0, start).find(waiting) ?? null;
}
