// One batch of the bulk writer (bulk-write.ts): new subjects inserted, changed ones updated, contacts and name words
// added where missing — each kind in one statement over arrays, whatever the batch size.

import { maskFieldValue } from '@pd-desk/shared/subjects/record-mask';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { NAME_ROLE } from '../../db/schema/subjects';
import type { Actor } from '../../service-context';
import { appendAudit, diffFields, maskChangeValues } from '../audit/audit.service';
import type { BatchOutcome, KnownNameWords, SubjectImportRow } from './bulk-write';
import { emailRow, NameWords, phoneRow, registerNameWords, stemOf, subjectNameStems } from './search-index';
import { list, selectRows } from './sql-arrays';

/** The fields import may change, named as in SubjectImportRow so that one diff compares both. */
type CoreFields = Pick<SubjectImportRow, 'lastName' | 'firstName' | 'middleName' | 'birthDate'> & { category: string };

type Existing = CoreFields & { id: number; externalId: string };

type ContactKind = 'phone' | 'email' | 'former_last_name';

/** Rows keyed by column name, ready for insertMissing; addresses have no natural key and are inserted apart. */
type ContactRows = Record<ContactKind, Record<string, unknown>[]> & {
  addresses: { subjectId: number; address: string }[];
};

/** Where each kind of contact goes: table, the unique key that makes a repeated row a no-op, column types. */
const CONTACT_TABLES: Record<ContactKind, { table: string; key: string; columns: Record<string, string> }> = {
  phone: {
    table: 'subject_phones',
    key: 'subject_id, digits',
    columns: { subject_id: 'bigint', raw: 'text', digits: 'text', digits_reversed: 'text' },
  },
  email: {
    table: 'subject_emails',
    key: 'subject_id, normalised',
    columns: { subject_id: 'bigint', raw: 'text', normalised: 'text' },
  },
  former_last_name: {
    table: 'subject_former_names',
    key: 'subject_id, last_name',
    columns: { subject_id: 'bigint', last_name: 'text', last_stem: 'text' },
  },
};

/** Upserts one batch inside the caller's transaction; changed subjects get one audit entry each. */
export async function writeSubjectBatch(
  tx: Tx,
  actor: Actor,
  rows: readonly SubjectImportRow[],
  known: KnownNameWords,
): Promise<BatchOutcome> {
  const existing = await selectRows<Existing>(
    tx,
    sql`select id, external_id as "externalId", last_name as "lastName", first_name as "firstName",
          middle_name as "middleName", birth_date::text as "birthDate", category
        from subjects where external_id = any(${list(rows.map((r) => r.externalId))}::text[])`,
  );
  const byExternalId = new Map(existing.map((e) => [e.externalId, { ...e, id: Number(e.id) }]));
  const fresh = rows.filter((r) => !byExternalId.has(r.externalId));
  const ids = new Map(existing.map((e) => [e.externalId, Number(e.id)]));
  for (const created of await insertSubjects(tx, fresh)) ids.set(created.external_id, Number(created.id));

  const changed: { row: SubjectImportRow; before: Existing }[] = [];
  for (const row of rows) {
    const before = byExternalId.get(row.externalId);
    if (before && subjectFieldsDiffer(before, row)) changed.push({ row, before });
  }
  await updateSubjects(tx, changed);

  const contacts = contactRowsOf(rows, ids);
  const added = await insertContacts(tx, contacts);
  const outcome: BatchOutcome = { created: fresh.length, updated: 0, unchanged: 0 };
  const changedIds = new Set(changed.map((c) => c.before.id));
  for (const e of byExternalId.values()) {
    const contactsAdded = added.get(e.id);
    if (!changedIds.has(e.id) && !contactsAdded) {
      outcome.unchanged++;
      continue;
    }
    outcome.updated++;
    const row = changed.find((c) => c.before.id === e.id)?.row;
    await appendAudit(tx, actor, {
      action: 'subject.update',
      objectType: 'subject',
      objectId: e.id,
      // Masked as the subject history shows them: the old values stay in the subject's own rows.
      changes: row ? maskChangeValues(diffFields(coreFields(e), coreFields(row)), maskedSubjectValue) : null,
      details: { source: 'import', contactsAdded: contactsAdded ?? [] },
    });
  }
  await registerNewNameWords(tx, rows, known);
  return outcome;
}

async function insertSubjects(tx: Tx, rows: readonly SubjectImportRow[]) {
  if (rows.length === 0) return [];
  const stems = rows.map(subjectNameStems);
  return selectRows<{ id: number; external_id: string }>(
    tx,
    sql`insert into subjects (external_id, last_name, first_name, middle_name, birth_date, category,
          last_stem, first_stem, middle_stem)
        select * from unnest(${list(rows.map((r) => r.externalId))}::text[], ${list(rows.map((r) => r.lastName))}::text[],
          ${list(rows.map((r) => r.firstName))}::text[], ${list(rows.map((r) => r.middleName))}::text[],
          ${list(rows.map((r) => r.birthDate))}::date[], ${list(rows.map((r) => r.category))}::text[],
          ${list(stems.map((s) => s.lastStem))}::text[], ${list(stems.map((s) => s.firstStem))}::text[],
          ${list(stems.map((s) => s.middleStem))}::text[])
        returning id, external_id`,
  );
}

/** A changed value as audit entries keep it: masked like lists show it. */
export const maskedSubjectValue = (field: string, value: unknown) =>
  typeof value === 'string' ? maskFieldValue(field, value) : value;

function coreFields(x: CoreFields): CoreFields {
  return {
    lastName: x.lastName,
    firstName: x.firstName,
    middleName: x.middleName,
    birthDate: x.birthDate,
    category: x.category,
  };
}

function subjectFieldsDiffer(e: Existing, r: SubjectImportRow): boolean {
  return Object.keys(diffFields(coreFields(e), coreFields(r))).length > 0;
}

async function updateSubjects(tx: Tx, changed: readonly { row: SubjectImportRow; before: Existing }[]) {
  if (changed.length === 0) return;
  const rows = changed.map((c) => c.row);
  const stems = rows.map(subjectNameStems);
  await tx.execute(sql`
    update subjects s set last_name = u.last_name, first_name = u.first_name, middle_name = u.middle_name,
      birth_date = u.birth_date, category = u.category, last_stem = u.last_stem, first_stem = u.first_stem,
      middle_stem = u.middle_stem, version = s.version + 1, updated_at = now()
    from unnest(${list(changed.map((c) => c.before.id))}::bigint[], ${list(rows.map((r) => r.lastName))}::text[],
      ${list(rows.map((r) => r.firstName))}::text[], ${list(rows.map((r) => r.middleName))}::text[],
      ${list(rows.map((r) => r.birthDate))}::date[], ${list(rows.map((r) => r.category))}::text[],
      ${list(stems.map((s) => s.lastStem))}::text[], ${list(stems.map((s) => s.firstStem))}::text[],
      ${list(stems.map((s) => s.middleStem))}::text[])
      as u(id, last_name, first_name, middle_name, birth_date, category, last_stem, first_stem, middle_stem)
    where s.id = u.id`);
}

function contactRowsOf(rows: readonly SubjectImportRow[], ids: ReadonlyMap<string, number>): ContactRows {
  const out: ContactRows = { phone: [], email: [], former_last_name: [], addresses: [] };
  for (const row of rows) {
    const subjectId = ids.get(row.externalId);
    if (subjectId === undefined) throw new Error(`subject ${row.externalId} was neither found nor inserted`);
    for (const raw of row.phones) {
      const phone = phoneRow(raw);
      if (phone)
        out.phone.push({
          subject_id: subjectId,
          raw: phone.raw,
          digits: phone.digits,
          digits_reversed: phone.digitsReversed,
        });
    }
    for (const raw of row.emails) {
      const email = emailRow(raw);
      if (email) out.email.push({ subject_id: subjectId, raw: email.raw, normalised: email.normalised });
    }
    for (const address of row.addresses ?? []) out.addresses.push({ subjectId, address });
    for (const lastName of row.formerLastNames ?? []) {
      out.former_last_name.push({ subject_id: subjectId, last_name: lastName, last_stem: stemOf(lastName) });
    }
  }
  return out;
}

/** Inserts contacts the subjects do not have yet; returns, per subject, what was added (for the audit trail). */
async function insertContacts(tx: Tx, c: ContactRows): Promise<Map<number, string[]>> {
  const added = new Map<number, string[]>();
  const note = (rows: { subject_id: number }[], label: string) => {
    for (const r of rows) {
      const id = Number(r.subject_id);
      added.set(id, [...(added.get(id) ?? []), label]);
    }
  };
  for (const kind of Object.keys(CONTACT_TABLES) as ContactKind[]) note(await insertMissing(tx, kind, c[kind]), kind);
  if (c.addresses.length > 0) {
    // Addresses have no natural key; an address identical to one the subject has is skipped.
    note(
      await selectRows(
        tx,
        sql`insert into subject_addresses (subject_id, address)
            select u.subject_id, u.address
            from unnest(${list(c.addresses.map((a) => a.subjectId))}::bigint[], ${list(c.addresses.map((a) => a.address))}::text[])
              as u(subject_id, address)
            where not exists (select 1 from subject_addresses a where a.subject_id = u.subject_id and a.address = u.address)
            returning subject_id`,
      ),
      'address',
    );
  }
  return added;
}

/**
 * insert … select from unnest(…) on conflict (key) do nothing: rows the subject already has are skipped; returns the
 * subject of each row added. Table and column names come from CONTACT_TABLES, never from input.
 */
async function insertMissing(
  tx: Tx,
  kind: ContactKind,
  rows: Record<string, unknown>[],
): Promise<{ subject_id: number }[]> {
  if (rows.length === 0) return [];
  const { table, key, columns } = CONTACT_TABLES[kind];
  const names = Object.keys(columns);
  const arrays = sql.join(
    names.map((name) => sql`${list(rows.map((r) => r[name]))}::${sql.raw(columns[name] ?? 'text')}[]`),
    sql`, `,
  );
  return selectRows(
    tx,
    sql`insert into ${sql.raw(table)} (${sql.raw(names.join(', '))})
        select * from unnest(${arrays}) on conflict (${sql.raw(key)}) do nothing returning subject_id`,
  );
}

async function registerNewNameWords(tx: Tx, rows: readonly SubjectImportRow[], known: KnownNameWords) {
  const words = new NameWords();
  for (const row of rows) {
    words.addSubject(row);
    for (const former of row.formerLastNames ?? []) words.add(former, NAME_ROLE.former);
  }
  for (const [word, roles] of words.roles) {
    const had = known.get(word) ?? 0;
    if ((had | roles) === had) words.roles.delete(word);
    else known.set(word, had | roles);
  }
  await registerNameWords(tx, words);
}
