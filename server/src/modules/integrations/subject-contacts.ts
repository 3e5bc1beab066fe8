import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { list, selectRows } from '../subjects/sql-arrays';
import { type Contact, subjectsWithContactSql } from './contact';

/** The normalised phones and e-mails of the given subjects, each once. */
export async function contactsOfSubjects(db: Db | Tx, subjectIds: readonly number[]): Promise<Contact[]> {
  if (subjectIds.length === 0) return [];
  const rows = await selectRows<{ kind: 'phone' | 'email'; value: string }>(
    db,
    sql`select distinct 'phone' as kind, digits as value from subject_phones where subject_id = any(${list(subjectIds)}::bigint[])
        union
        select distinct 'email', normalised from subject_emails where subject_id = any(${list(subjectIds)}::bigint[])`,
  );
  return rows;
}

/** Subjects (not merged away) that have this contact. */
export async function subjectsWithContact(db: Db | Tx, contact: Contact): Promise<number[]> {
  const rows = await selectRows<{ subject_id: number }>(db, subjectsWithContactSql(contact));
  return rows.map((r) => Number(r.subject_id));
}
