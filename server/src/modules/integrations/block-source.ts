import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { selectRows } from '../subjects/sql-arrays';
import type { Contact } from './contact';
import type { Purpose } from './purposes';
import { contactsOfSubjects } from './subject-contacts';

// THE ONE PLACE the integration API learns what is blocked. Until the blocks domain (issue 10, items 1–2) lands, a
// block is a PD record in state `blocked`, which blocks every contact of its subject for its purpose. When it lands,
// these two functions call its helpers instead (activeBlocksForContact / blockedContactsForPurpose), which know
// field-level blocks (only the phone) as well; nothing else in this module changes.

/** Is this contact blocked for this purpose? */
export async function isContactBlocked(db: Db, contact: Contact, purpose: Purpose): Promise<boolean> {
  const table = contact.kind === 'phone' ? sql`subject_phones c` : sql`subject_emails c`;
  const column = contact.kind === 'phone' ? sql`c.digits` : sql`c.normalised`;
  const rows = await selectRows<{ blocked: boolean }>(
    db,
    sql`select exists (
          select 1 from ${table}
          join pd_records r on r.subject_id = c.subject_id and r.purpose_id = ${purpose.id} and r.state = 'blocked'
          where ${column} = ${contact.value}
        ) as blocked`,
  );
  return rows[0]?.blocked === true;
}

const PAGE = 2_000;

/** Every blocked contact for the purpose, page by page in subject order: memory stays flat however many there are. */
export async function* blockedContacts(db: Db, purpose: Purpose): AsyncGenerator<Contact[]> {
  let after = 0;
  for (;;) {
    const rows = await selectRows<{ subject_id: number }>(
      db,
      sql`select distinct subject_id from pd_records
          where purpose_id = ${purpose.id} and state <> 'active' and state = 'blocked' and subject_id > ${after}
          order by subject_id limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r.subject_id));
    yield await contactsOfSubjects(db, ids);
    if (rows.length < PAGE) return;
    after = ids[ids.length - 1] as number;
  }
}
