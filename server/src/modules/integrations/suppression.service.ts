import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { selectRows } from '../subjects/sql-arrays';
import { blockedContacts } from './block-source';
import type { Contact } from './contact';
import type { Purpose } from './purposes';
import { contactsOfSubjects } from './subject-contacts';

const PAGE = 2_000;

/** The number triggers bump on every change that may alter a suppression list (migration 0014): the ETag. */
export async function suppressionVersion(db: Db): Promise<string> {
  const rows = await selectRows<{ version: string | number }>(
    db,
    sql`select version from integration_change_counter where id = 1`,
  );
  return String(rows[0]?.version ?? 0);
}

/**
 * Subjects whose processing for the purpose has stopped (no record left in processing) or whose newest consent for
 * it is withdrawn, one page in subject order. Candidates come from two partial indexes over the rare rows (ended
 * records, withdrawn consents), never from a scan of everyone with a record for the purpose.
 */
async function suppressedSubjectsPage(db: Db, purposeId: number, after: number) {
  const rows = await selectRows<{ subject_id: number; suppressed: boolean }>(
    db,
    sql`with candidates as (
          select subject_id from (
            select subject_id from pd_records
              where purpose_id = ${purposeId} and state <> 'active' and state <> 'blocked'
                and subject_id > ${after}
            union
            select subject_id from consents
              where purpose_id = ${purposeId} and withdrawn_at is not null and subject_id > ${after}
          ) u order by subject_id limit ${PAGE}
        )
        select c.subject_id,
          s.merged_into_id is null and (not exists (select 1 from pd_records r where r.subject_id = c.subject_id and r.purpose_id = ${purposeId}
                         and r.state in ('active', 'blocked'))
           or coalesce((select k.withdrawn_at is not null from consents k
                         where k.subject_id = c.subject_id and k.purpose_id = ${purposeId}
                         order by k.given_at desc, k.id desc limit 1), false)) as suppressed
        from candidates c join subjects s on s.id = c.subject_id
        order by c.subject_id`,
  );
  return rows;
}

/**
 * Everyone who must not be contacted for the purpose, as normalised contacts, page by page: blocked contacts, then
 * people whose processing stopped or who withdrew consent. Memory holds one page whatever the list's length. A
 * contact shared by two listed people may appear twice; receivers treat the list as a set.
 */
export async function* suppressedContacts(db: Db, purpose: Purpose): AsyncGenerator<Contact[]> {
  yield* blockedContacts(db, purpose);
  let after = 0;
  for (;;) {
    const page = await suppressedSubjectsPage(db, purpose.id, after);
    if (page.length === 0) return;
    const ids = page.filter((r) => r.suppressed).map((r) => Number(r.subject_id));
    if (ids.length > 0) yield await contactsOfSubjects(db, ids);
    after = Number(page[page.length - 1]?.subject_id);
  }
}
