import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';
import { DomainError } from '../../errors';

/** A phone or an e-mail as the index stores it: the same normalisation as search (shared/src/subjects). */
export type Contact = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

export function contactOf(input: { phone?: string | undefined; email?: string | undefined }): Contact {
  if (input.phone !== undefined) {
    const digits = normalisePhone(input.phone);
    if (!digits) {
      throw new DomainError('BAD_REQUEST', 'Не похоже на российский номер телефона (+7 и 10 цифр)', 'invalid_phone');
    }
    return { kind: 'phone', value: digits };
  }
  const email = input.email === undefined ? null : normaliseEmail(input.email);
  if (!email) throw new DomainError('BAD_REQUEST', 'Не похоже на адрес электронной почты', 'invalid_email');
  return { kind: 'email', value: email };
}
