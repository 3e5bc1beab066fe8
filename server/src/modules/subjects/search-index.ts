// Keeps what search reads in step with what a person's record says: the *_stem columns of `subjects`, the
// normalised phones, e-mails and former surnames, and the dictionary of name words (subject_name_words).
//
// For code that creates or edits a subject by hand (the subject page, merge, rectification), inside its transaction:
//
//   const [row] = await tx.insert(subjects).values({ ...names, ...subjectNameStems(names), category, birthDate })
//     .returning({ id: subjects.id });
//   await writeSubjectContacts(tx, row.id, { phones: ['8 912 345-67-89'], emails: ['a@b.ru'] });
//   await indexSubjectNames(tx, row.id);
//
// After changing last/first/middle name, or former surnames, call indexSubjectNames(tx, id) again. writeSubjectContacts
// replaces each list it is given (omit a key to leave that list alone) and throws BAD_REQUEST on a value that cannot
// be normalised. Bulk import and the demo seed write the same rows through bulk-write.ts.

import { msg } from '@pd-desk/shared/messages/catalogue';
import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { nameStem, normaliseName } from '@pd-desk/shared/subjects/name-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';
import { nameSkeleton } from '@pd-desk/shared/subjects/transliteration';
import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import {
  NAME_ROLE,
  subjectAddresses,
  subjectEmails,
  subjectFormerNames,
  subjectPhones,
  subjects,
} from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import { list } from './sql-arrays';

export type SubjectNames = { lastName: string; firstName: string; middleName?: string | null };

/** The stem columns for an insert or update of `subjects`. */
export function subjectNameStems(names: SubjectNames) {
  return {
    lastStem: stemOf(names.lastName),
    firstStem: stemOf(names.firstName),
    middleStem: names.middleName ? stemOf(names.middleName) : null,
  };
}

// Names repeat: a million people share a few thousand words, and normalising is the costliest JavaScript of a bulk
// load. Both functions are pure, so one bounded cache per process serves every database.
const CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();
const normalCache = new Map<string, string>();

/** `fn(key)`, remembered in `cache` while it holds fewer than CACHE_LIMIT entries; `fn` must be pure. */
export function memo<T>(cache: Map<string, T>, fn: (s: string) => T, key: string): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = fn(key);
    if (cache.size < CACHE_LIMIT) cache.set(key, value);
  }
  return value;
}

export function stemOf(name: string): string {
  return memo(stemCache, nameStem, name);
}

export function normalisedWord(name: string): string {
  return memo(normalCache, normaliseName, name);
}

/** Recomputes a subject's stems and registers its name words; call after any change to its names. */
export async function indexSubjectNames(tx: Tx | Db, subjectId: number): Promise<void> {
  const [subject] = await tx
    .select({ lastName: subjects.lastName, firstName: subjects.firstName, middleName: subjects.middleName })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  if (!subject) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
  await tx.update(subjects).set(subjectNameStems(subject)).where(eq(subjects.id, subjectId));
  const former = await tx
    .select({ id: subjectFormerNames.id, lastName: subjectFormerNames.lastName })
    .from(subjectFormerNames)
    .where(eq(subjectFormerNames.subjectId, subjectId));
  for (const f of former) {
    await tx
      .update(subjectFormerNames)
      .set({ lastStem: stemOf(f.lastName) })
      .where(eq(subjectFormerNames.id, f.id));
  }
  const words = new NameWords();
  words.addSubject(subject);
  for (const f of former) words.add(f.lastName, NAME_ROLE.former);
  await registerNameWords(tx, words);
}

/** A phone as stored: raw, canonical digits, and the digits reversed for trailing-fragment search; null if invalid. */
export function phoneRow(raw: string) {
  const digits = normalisePhone(raw);
  if (digits === null) return null;
  return { raw: raw.trim(), digits, digitsReversed: reverseDigits(digits) };
}

export function reverseDigits(digits: string): string {
  // A loop, not spread + reverse + join: an import reverses a phone per row (digits are ASCII, no surrogates).
  let reversed = '';
  for (let i = digits.length - 1; i >= 0; i--) reversed += digits[i];
  return reversed;
}

/**
 * subject_phones rows whose phone is one of `digits` (as normalisePhone gives them). Compared reversed: that column's
 * index serves the exact phone as well as the trailing fragment, and the digits as written have none (ADR 0035).
 */
export function phoneIsAnyOf(digits: readonly string[]): SQL {
  return sql`digits_reversed = any(${list(digits.map(reverseDigits))}::text[])`;
}

export function emailRow(raw: string) {
  const normalised = normaliseEmail(raw);
  return normalised === null ? null : { raw: raw.trim(), normalised };
}

export type SubjectContacts = {
  phones?: readonly string[];
  emails?: readonly string[];
  addresses?: readonly string[];
  formerLastNames?: readonly string[];
};

/** Replaces the given contact lists of a subject with normalised rows; call indexSubjectNames after formerLastNames. */
export async function writeSubjectContacts(tx: Tx | Db, subjectId: number, contacts: SubjectContacts): Promise<void> {
  if (contacts.phones) {
    const rows = contacts.phones.map((raw) => {
      const row = phoneRow(raw);
      if (!row) throw new DomainError('BAD_REQUEST', msg('subjects.badPhone', { raw }), 'bad_phone');
      return { subjectId, ...row };
    });
    await replaceRows(tx, subjectPhones, subjectPhones.digits, subjectId, rows, (r) => r.digits);
  }
  if (contacts.emails) {
    const rows = contacts.emails.map((raw) => {
      const row = emailRow(raw);
      if (!row) throw new DomainError('BAD_REQUEST', msg('subjects.badEmail', { raw }), 'bad_email');
      return { subjectId, ...row };
    });
    await replaceRows(tx, subjectEmails, subjectEmails.normalised, subjectId, rows, (r) => r.normalised);
  }
  if (contacts.addresses) {
    const rows = contacts.addresses.map((a) => ({ subjectId, address: a.trim() })).filter((r) => r.address);
    await replaceRows(tx, subjectAddresses, subjectAddresses.address, subjectId, rows, (r) => r.address);
  }
  if (contacts.formerLastNames) {
    const rows = contacts.formerLastNames
      .map((n) => n.trim())
      .filter(Boolean)
      .map((lastName) => ({ subjectId, lastName, lastStem: stemOf(lastName) }));
    await replaceRows(tx, subjectFormerNames, subjectFormerNames.lastName, subjectId, rows, (r) => r.lastName);
  }
}

type ContactTable = typeof subjectPhones | typeof subjectEmails | typeof subjectAddresses | typeof subjectFormerNames;

/** Deletes rows whose key is not in the new list and inserts the new ones; rows that stay keep their id and date. */
async function replaceRows<R extends { subjectId: number }>(
  tx: Tx | Db,
  table: ContactTable,
  keyColumn: AnyPgColumn,
  subjectId: number,
  rows: R[],
  keyOf: (row: R) => string,
): Promise<void> {
  const keys = [...new Set(rows.map(keyOf))];
  await tx
    .delete(table)
    .where(and(eq(table.subjectId, subjectId), keys.length > 0 ? notInArray(keyColumn, keys) : undefined));
  if (rows.length === 0) return;
  const existing = await tx
    .select({ key: keyColumn })
    .from(table)
    .where(and(eq(table.subjectId, subjectId), inArray(keyColumn, keys)));
  const have = new Set(existing.map((e) => String(e.key)));
  const seen = new Set<string>();
  const fresh = rows.filter((r) => {
    const key = keyOf(r);
    if (have.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // biome-ignore lint/suspicious/noExplicitAny: the four tables differ in columns; each row matches its table
  if (fresh.length > 0) await tx.insert(table).values(fresh as any);
}

/** Distinct normalised name words with the name parts they were seen in. */
export class NameWords {
  readonly roles = new Map<string, number>();

  add(name: string | null | undefined, role: number): void {
    if (name) this.addWord(normalisedWord(name), role);
  }

  /** A word already normalised (normalisedWord). */
  addWord(word: string | null, role: number): void {
    if (!word) return;
    const roles = this.roles.get(word);
    // Most words are known already with this role: a lookup, no write.
    if (roles === undefined || (roles | role) !== roles) this.roles.set(word, (roles ?? 0) | role);
  }

  addSubject(names: SubjectNames): void {
    this.add(names.lastName, NAME_ROLE.last);
    this.add(names.firstName, NAME_ROLE.first);
    this.add(names.middleName, NAME_ROLE.middle);
  }
}

/**
 * Adds words to the dictionary and widens the roles of known ones. Unchanged rows are not rewritten, so concurrent
 * writers of common names (Мария, Иванова) do not queue behind each other's row locks.
 */
export async function registerNameWords(tx: Tx | Db, words: NameWords): Promise<void> {
  if (words.roles.size === 0) return;
  const entries = [...words.roles];
  const word = entries.map(([w]) => w);
  const stem = word.map(stemOf);
  await tx.execute(sql`
    insert into subject_name_words (word, stem, skeleton, roles)
    select * from unnest(${list(word)}::text[], ${list(stem)}::text[], ${list(stem.map(nameSkeleton))}::text[],
      ${list(entries.map(([, r]) => r))}::smallint[])
    on conflict (word) do update set roles = subject_name_words.roles | excluded.roles
    where (subject_name_words.roles | excluded.roles) <> subject_name_words.roles`);
}
