import { msg } from '@pd-desk/shared/messages/catalogue';
import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';
import { DomainError } from '../../errors';

/** A phone or an e-mail as the index stores it: the same normalisation as search (shared/src/subjects). */
export type Contact = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

export function contactOf(input: { phone?: string | undefined; email?: string | undefined }): Contact {
  if (input.phone !== undefined) {
    const digits = normalisePhone(input.phone);
    if (!digits) {
      throw new DomainError('BAD_REQUEST', msg('integrations.invalidPhone'), 'invalid_phone');
    }
    return { kind: 'phone', value: digits };
  }
  const email = input.email === undefined ? null : normaliseEmail(input.email);
  if (!email) throw new DomainError('BAD_REQUEST', msg('integrations.invalidEmail'), 'invalid_email');
  return { kind: 'email', value: email };
}
