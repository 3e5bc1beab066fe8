// Masks for what the subject page shows beyond a list row (addresses, documents, IP addresses, corrected values),
// built on the list masks of subject-mask.ts so one person looks the same on every screen.

import { maskPhone, normalisePhone } from './phone-normalise';
import { MASK, maskBirthDate, maskEmail, maskFullName } from './subject-mask';
import type { RectifiableField } from './subject-records.schemas';

const TOWN = /^(г\.|пгт\.?|с\.|пос\.|д\.)\s|^Екатеринбург$/u;

/** «620050, г. Екатеринбург, ул. Техническая, д. 14» → «г. Екатеринбург, ••••••»: the town says enough to tell two apart. */
export function maskAddress(address: string): string {
  const town = address
    .split(',')
    .map((part) => part.trim())
    .find((part) => TOWN.test(part));
  return town ? `${town}, ${MASK.repeat(6)}` : MASK.repeat(6);
}

/** «Доверенность 66 АА 1234567 от 12.01.2025» → «Доверенность •• АА ••••••• от ••.••.••••»: the kind of paper stays. */
export function maskDigits(text: string): string {
  return text.replace(/\d/g, MASK);
}

/** «93.184.216.34» → «93.184.•.•»: the network is evidence enough on screen; the full address is in a reveal. */
export function maskIp(ip: string): string {
  const v4 = ip.split('.');
  if (v4.length === 4) return `${v4[0]}.${v4[1]}.${MASK}.${MASK}`;
  const v6 = ip.split(':');
  return v6.length > 2 ? `${v6.slice(0, 2).join(':')}:${MASK}` : MASK.repeat(4);
}

/**
 * «Иванова паспорт.pdf» → «И•••••••••••••••.pdf»: a file name may name a person; the type stays, the first
 * letter tells two uploads apart in a trail that must not hold the name.
 */
export function maskFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const letters = [...stem];
  return `${letters[0] ?? ''}${MASK.repeat(Math.max(letters.length - 1, 0))}${extension}`;
}

/** A phone or an e-mail, whichever the free-text contact of a representative is. */
export function maskContact(contact: string): string {
  if (contact.includes('@')) return maskEmail(contact);
  const phone = normalisePhone(contact);
  return phone ? maskPhone(phone) : maskDigits(contact);
}

/** A value of a subject's field as the history shows it before a reveal. */
export function maskFieldValue(field: RectifiableField | string, value: string | null): string | null {
  if (value === null || value === '') return value;
  switch (field) {
    case 'lastName':
    case 'firstName':
    case 'middleName':
      return maskFullName(value);
    case 'birthDate':
      return maskBirthDate(value);
    case 'phone':
      return maskPhone(normalisePhone(value) ?? value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
    case 'category':
      return value;
    default:
      return maskDigits(value).replace(/\p{L}/gu, MASK);
  }
}
