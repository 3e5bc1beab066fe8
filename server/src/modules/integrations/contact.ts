import { msg } from '@pd-desk/shared/messages/catalogue';
import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';
import { type SQL, sql } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { reverseDigits } from '../subjects/search-index';

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

/**
 * Where a contact is kept (as `c`) and what its lookup compares: an e-mail by its normalised form, a phone by its
 * digits reversed, the column whose index serves the exact phone as well as the trailing fragment (ADR 0035).
 */
export function contactLookup(contact: Contact): { table: SQL; column: SQL; key: string } {
  return contact.kind === 'phone'
    ? { table: sql`subject_phones c`, column: sql`c.digits_reversed`, key: reverseDigits(contact.value) }
    : { table: sql`subject_emails c`, column: sql`c.normalised`, key: contact.value };
}

/** The subjects (not merged away, at most 50) that have the contact, as `subject_id`. */
export function subjectsWithContactSql(contact: Contact): SQL {
  const { table, column, key } = contactLookup(contact);
  return sql`select c.subject_id from ${table} join subjects s on s.id = c.subject_id
    where ${column} = ${key} and s.merged_into_id is null limit 50`;
}
