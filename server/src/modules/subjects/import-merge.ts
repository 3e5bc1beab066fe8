// From the staging table (import-staging.ts) into the registry, inside the caller's transaction, in set-based SQL:
// changed subjects updated, new ones inserted in file order, phones and e-mails the subjects do not have yet added.
// The search columns were computed by the shared normalisers while the file was read, so SQL only moves rows.
// The outcome and the audit trail are those of the row-by-row writer (bulk-batch.ts): an existing subject that
// changed or gained a contact gets one masked subject.update entry.

import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAuditEntries, diffFields, maskChangeValues } from '../audit/audit.service';
import { maskedSubjectValue } from './bulk-batch';
import type { BatchOutcome } from './bulk-write';
import { selectRows } from './sql-arrays';

type CoreFields = {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  category: string;
};

type ChangedRow = { id: number; before: CoreFields; after: CoreFields };

/** Entries per insert: a re-import that changes many subjects writes its trail in a few statements. */
const AUDIT_CHUNK = 500;

/** The subject's own columns differ between the registry (s) and the file (st). */
const DIFFERS = sql.raw(`(s.last_name, s.first_name, s.middle_name, s.birth_date, s.category)
  is distinct from (st.last_name, st.first_name, st.middle_name, st.birth_date, st.category)`);

export type MergeStep = 'subjects' | 'contacts';

export type MergeOptions = {
  /**
   * The caller dropped the unique and foreign-key constraints of the subject tables for a bulk load and holds the
   * tables locked (bulk-write.ts, dropCheckedConstraints): a contact the subject already has is left out by an
   * anti-join instead of `on conflict`, which needs the unique index.
   */
  keysDropped: boolean;
  onStep?: (step: MergeStep) => void;
};

export async function mergeStaging(
  tx: Tx,
  actor: Actor,
  staging: string,
  options: MergeOptions,
): Promise<BatchOutcome> {
  const { onStep } = options;
  const table = sql.raw(staging);
  // Identities only grow: every subject the file matched before this import has an id up to here.
  const [bound] = await selectRows<{ id: string | number }>(tx, sql`select coalesce(max(id), 0) as id from subjects`);
  const existingUpTo = Number(bound?.id ?? 0);

  const changed = await changedSubjects(tx, table);
  if (changed.length > 0) {
    await tx.execute(sql`
      update subjects s set last_name = st.last_name, first_name = st.first_name, middle_name = st.middle_name,
        birth_date = st.birth_date, category = st.category, last_stem = st.last_stem, first_stem = st.first_stem,
        middle_stem = st.middle_stem, version = s.version + 1, updated_at = now()
      from ${table} st where s.external_id = st.external_id and ${DIFFERS}`);
  }
  const [inserted] = await selectRows<{ n: number }>(
    tx,
    sql`with added as (
          insert into subjects (external_id, last_name, first_name, middle_name, birth_date, category,
            last_stem, first_stem, middle_stem)
          select st.external_id, st.last_name, st.first_name, st.middle_name, st.birth_date, st.category,
            st.last_stem, st.first_stem, st.middle_stem
          from ${table} st
          where not exists (select 1 from subjects s where s.external_id = st.external_id)
          order by st.line
          returning 1)
        select count(*)::int as n from added`,
  );
  onStep?.('subjects');

  const phones = await addContacts(tx, table, PHONES, existingUpTo, options.keysDropped);
  const emails = await addContacts(tx, table, EMAILS, existingUpTo, options.keysDropped);
  onStep?.('contacts');

  const contactsAdded = new Map<number, string[]>();
  const note = (rows: { subject_id: string | number }[], kind: string) => {
    for (const r of rows) {
      const id = Number(r.subject_id);
      contactsAdded.set(id, [...(contactsAdded.get(id) ?? []), kind]);
    }
  };
  note(phones, 'phone');
  note(emails, 'email');
  const entries = auditEntries(changed, contactsAdded);
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await appendAuditEntries(
      tx,
      entries.slice(i, i + AUDIT_CHUNK).map((input) => ({ actor, input })),
    );
  }
  const created = inserted?.n ?? 0;
  // External ids are unique in the staging table: each row either matched a subject or was inserted.
  const [staged] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from ${table}`);
  return { created, updated: entries.length, unchanged: (staged?.n ?? 0) - created - entries.length };
}

type ContactKind = {
  kind: 'phone' | 'email';
  table: string;
  /** Unique per subject. */
  key: string;
  /** Registry column ← staging column; the key among them. */
  columns: Record<string, string>;
};

const PHONES: ContactKind = {
  kind: 'phone',
  table: 'subject_phones',
  key: 'digits',
  columns: { raw: 'phone_raw', digits: 'phone_digits', digits_reversed: 'phone_reversed' },
};
const EMAILS: ContactKind = {
  kind: 'email',
  table: 'subject_emails',
  key: 'normalised',
  columns: { raw: 'email_raw', normalised: 'email_normalised' },
};

/** Adds the staged contacts the subjects do not have yet; returns the subjects (existing before) that gained one. */
async function addContacts(
  tx: Tx,
  table: ReturnType<typeof sql.raw>,
  contact: ContactKind,
  existingUpTo: number,
  keysDropped: boolean,
) {
  const into = Object.keys(contact.columns).join(', ');
  const from = Object.values(contact.columns)
    .map((c) => `st.${c}`)
    .join(', ');
  const staged = `st.${contact.columns[contact.key]}`;
  // Each staged row names its subject once (external ids are unique in the file), so only the registry's own
  // contacts can collide.
  const skipKnown = keysDropped
    ? `and not exists (select 1 from ${contact.table} c where c.subject_id = s.id and c.${contact.key} = ${staged})`
    : `on conflict (subject_id, ${contact.key}) do nothing`;
  return selectRows<{ subject_id: string | number }>(
    tx,
    sql`with added as (
          insert into ${sql.raw(contact.table)} (subject_id, ${sql.raw(into)})
          select s.id, ${sql.raw(from)}
          from ${table} st join subjects s on s.external_id = st.external_id
          where ${sql.raw(staged)} is not null ${sql.raw(skipKnown)}
          returning subject_id)
        select subject_id from added where subject_id <= ${existingUpTo}`,
  );
}

/** Old and new values of the subjects the file changes, for the audit trail (the old ones are gone after update). */
async function changedSubjects(tx: Tx, table: ReturnType<typeof sql.raw>): Promise<ChangedRow[]> {
  const rows = await selectRows<Record<string, string | number | null>>(
    tx,
    sql`select s.id, s.last_name, s.first_name, s.middle_name, s.birth_date::text as birth_date, s.category,
          st.last_name as new_last_name, st.first_name as new_first_name, st.middle_name as new_middle_name,
          st.birth_date::text as new_birth_date, st.category as new_category
        from ${table} st join subjects s on s.external_id = st.external_id
        where ${DIFFERS}`,
  );
  const fields = (r: Record<string, string | number | null>, prefix: string): CoreFields => ({
    lastName: String(r[`${prefix}last_name`]),
    firstName: String(r[`${prefix}first_name`]),
    middleName: (r[`${prefix}middle_name`] as string | null) ?? null,
    birthDate: (r[`${prefix}birth_date`] as string | null) ?? null,
    category: String(r[`${prefix}category`]),
  });
  return rows.map((r) => ({ id: Number(r.id), before: fields(r, ''), after: fields(r, 'new_') }));
}

function auditEntries(changed: readonly ChangedRow[], contactsAdded: ReadonlyMap<number, string[]>): AuditInput[] {
  const byId = new Map(changed.map((c) => [c.id, c]));
  const ids = [...new Set([...byId.keys(), ...contactsAdded.keys()])].sort((a, b) => a - b);
  return ids.map((id) => {
    const change = byId.get(id);
    return {
      action: 'subject.update',
      objectType: 'subject',
      objectId: id,
      // Masked as the subject history shows them: the old values stay in the subject's own rows.
      changes: change ? maskChangeValues(diffFields(change.before, change.after), maskedSubjectValue) : null,
      details: { source: 'import', contactsAdded: contactsAdded.get(id) ?? [] },
    };
  });
}
