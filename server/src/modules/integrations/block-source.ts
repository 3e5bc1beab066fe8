import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activeBlocksForContact, blockedContactsForPurposeSql } from '../blocks/block-queries';
import { selectRows } from '../subjects/sql-arrays';
import { type Contact, contactLookup } from './contact';
import type { Purpose } from './purposes';
import { contactsOfSubjects } from './subject-contacts';

// THE ONE PLACE the integration API learns what is blocked. The blocks domain (modules/blocks, ADR 0013) knows
// field-level blocks (only the booking record's phone) through block_contacts. A PD record in state `blocked` without
// a block row (records imported or kept by hand in that state) still blocks its subject's contacts for its purpose.

/** Is this contact blocked for this purpose? */
export async function isContactBlocked(db: Db, contact: Contact, purpose: Purpose): Promise<boolean> {
  const [byBlock, byRecordState] = await Promise.all([
    activeBlocksForContact(db, {
      [contact.kind === 'phone' ? 'phoneNormalised' : 'emailNormalised']: contact.value,
      purposeCode: purpose.code,
    }),
    isContactOfBlockedRecord(db, contact, purpose),
  ]);
  return byBlock.blocked || byRecordState;
}

async function isContactOfBlockedRecord(db: Db, contact: Contact, purpose: Purpose): Promise<boolean> {
  const { table, column, key } = contactLookup(contact);
  const rows = await selectRows<{ blocked: boolean }>(
    db,
    sql`select exists (
          select 1 from ${table}
          join pd_records r on r.subject_id = c.subject_id and r.purpose_id = ${purpose.id} and r.state = 'blocked'
          where ${column} = ${key}
        ) as blocked`,
  );
  return rows[0]?.blocked === true;
}

const PAGE = 2_000;

/** Every blocked contact for the purpose, page by page: memory stays flat however many there are. */
export async function* blockedContacts(db: Db, purpose: Purpose): AsyncGenerator<Contact[]> {
  yield* contactsOfBlocks(db, purpose);
  yield* contactsOfBlockedRecords(db, purpose);
}

async function* contactsOfBlocks(db: Db, purpose: Purpose): AsyncGenerator<Contact[]> {
  let after: { channel: string; value: string } | null = null;
  for (;;) {
    const cursor = after ? sql`where (x.channel, x.value) > (${after.channel}, ${after.value})` : sql``;
    const rows: { channel: 'phone' | 'email'; value: string }[] = await selectRows(
      db,
      sql`select x.channel, x.value from (${blockedContactsForPurposeSql(purpose.code)}) x ${cursor}
          order by x.channel, x.value limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ kind: r.channel, value: r.value }));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1] ?? null;
  }
}

async function* contactsOfBlockedRecords(db: Db, purpose: Purpose): AsyncGenerator<Contact[]> {
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
