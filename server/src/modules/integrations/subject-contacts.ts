import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { list, selectRows } from '../subjects/sql-arrays';
import type { Contact } from './contact';

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
  const rows =
    contact.kind === 'phone'
      ? await selectRows<{ id: number }>(
          db,
          sql`select c.subject_id as id from subject_phones c join subjects s on s.id = c.subject_id
              where c.digits = ${contact.value} and s.merged_into_id is null limit 50`,
        )
      : await selectRows<{ id: number }>(
          db,
          sql`select c.subject_id as id from subject_emails c join subjects s on s.id = c.subject_id
              where c.normalised = ${contact.value} and s.merged_into_id is null limit 50`,
        );
  return rows.map((r) => Number(r.id));
}
