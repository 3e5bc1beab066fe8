import { BLOCK_IN_EFFECT, BLOCK_SUPPRESSES, type ContactChannel } from '@pd-desk/shared/blocks/block-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { DomainError } from '../../errors';
import { list, selectRows } from '../subjects/sql-arrays';

/**
 * Read side of blocks for the rest of PD Desk and for the integration API. Plain SQL over three tables, so the
 * permissions check is one indexed probe (block_contacts_value_idx) and the suppression list one scan by purpose.
 * ADR 0013 documents these queries for anyone who reads the tables directly.
 */

const states = (values: readonly string[]) => sql.raw(`(${values.map((s) => `'${s}'`).join(', ')})`);
/** Blocks that stop changes and use: in the SQL text literally, so the partial index on blocks matches. */
export const IN_EFFECT = states(BLOCK_IN_EFFECT);
const SUPPRESSING = states(BLOCK_SUPPRESSES);

/** The purpose's id by its code, or null for an unknown code (the caller answers «неизвестная цель»). */
function purposeIdSql(purposeCode: string): SQL {
  return sql`(select id from processing_purposes where code = ${purposeCode})`;
}

/**
 * A case's blocks in effect with the clocks nextBlockStep reads, as one JSON array (null when there are none), newest
 * first like the blocks list: a sub-select the triage queue's one statement embeds for each row of its page. The
 * uncorrelated IN is a hashed sub-plan computed once per statement (a clinic has tens of blocks in effect), so the
 * rows of cases without blocks — nearly all of them — skip the aggregate, which cost as much as the page itself.
 */
export function blockClocksOfCase(caseId: SQL | AnyColumn): SQL {
  return sql`case when ${caseId} in (select case_id from blocks where state in ${IN_EFFECT}) then (select json_agg(json_build_object('blockId', b.id, 'state', b.state, 'outcome', b.outcome,
      'rectifyDueOn', b.rectify_due_on, 'stopDueOn', b.stop_due_on, 'destroyDueOn', b.destroy_due_on,
      'keepUntil', b.keep_until, 'rectifiedAt', b.rectified_at, 'stoppedAt', b.stopped_at)
      order by b.created_at desc, b.id desc)
    from blocks b where b.case_id = ${caseId} and b.state in ${IN_EFFECT}) end`;
}

export type ContactQuery = { phoneNormalised?: string; emailNormalised?: string; purposeCode: string };

/**
 * Is this contact blocked for this purpose? Phones as `normalisePhone` gives them («79123456789»), e-mails as
 * `normaliseEmail`. A block on one record's phone blocks the phone for that record's purpose only.
 */
export async function activeBlocksForContact(
  db: Db | Tx,
  query: ContactQuery,
): Promise<{ blocked: boolean; blocks: { id: number; caseNumber: string }[] }> {
  const probes: [ContactChannel, string][] = [];
  if (query.phoneNormalised) probes.push(['phone', query.phoneNormalised]);
  if (query.emailNormalised) probes.push(['email', query.emailNormalised]);
  if (probes.length === 0) return { blocked: false, blocks: [] };
  const rows = await selectRows<{ id: number | string; case_number: string }>(
    db,
    sql`select distinct b.id, c.incoming_number as case_number
      from block_contacts bc
      join blocks b on b.id = bc.block_id
      join cases c on c.id = b.case_id
      where (${sql.join(
        probes.map(([channel, value]) => sql`(bc.channel = ${channel} and bc.value = ${value})`),
        sql` or `,
      )})
        and b.state in ${SUPPRESSING}
        and (bc.purpose_id is null or bc.purpose_id = ${purposeIdSql(query.purposeCode)})
      order by b.id`,
  );
  const found = rows.map((r) => ({ id: Number(r.id), caseNumber: r.case_number }));
  return { blocked: found.length > 0, blocks: found };
}

/**
 * The contacts nobody may use for a purpose because of a block: a query yielding (channel, value) rows, distinct,
 * ordered, for the suppression list to stream or to union with withdrawals.
 */
export function blockedContactsForPurposeSql(purposeCode: string): SQL {
  return sql`select distinct bc.channel, bc.value
    from block_contacts bc join blocks b on b.id = bc.block_id
    where b.state in ${SUPPRESSING}
      and (bc.purpose_id is null or bc.purpose_id = ${purposeIdSql(purposeCode)})
    order by bc.channel, bc.value`;
}

export async function blockedContactsForPurpose(db: Db | Tx, purposeCode: string) {
  const rows = await selectRows<{ channel: ContactChannel; value: string }>(
    db,
    blockedContactsForPurposeSql(purposeCode),
  );
  return {
    phones: rows.filter((r) => r.channel === 'phone').map((r) => r.value),
    emails: rows.filter((r) => r.channel === 'email').map((r) => r.value),
  };
}

/** Of these subjects, the ones with a block in effect (the «Заблокировано» badge in search and the queue). */
export async function blockedSubjectIds(db: Db | Tx, subjectIds: readonly number[]): Promise<Set<number>> {
  if (subjectIds.length === 0) return new Set();
  const rows = await selectRows<{ subject_id: number | string }>(
    db,
    sql`select distinct subject_id from blocks where state in ${IN_EFFECT} and subject_id = any(${list(subjectIds)})`,
  );
  return new Set(rows.map((r) => Number(r.subject_id)));
}

export type HoldingBlock = { id: number; caseNumber: string };

/**
 * The block in effect that holds this piece of the subject's data, if any: the whole subject; a whole record that
 * holds the field; or that very field of a record (on one phone or e-mail when the target names it). `any`: any
 * block on the subject (a merge would move blocked data); `subject`: only a block of all the subject's data.
 */
export async function blockHolding(
  tx: Db | Tx,
  subjectId: number,
  what: { field: PdField | 'any' | 'subject'; contactValue?: string | null },
  exceptBlockId?: number,
): Promise<HoldingBlock | null> {
  const field = what.field;
  const wholeSubject = sql`exists (select 1 from block_targets t where t.block_id = b.id and t.kind = 'subject')`;
  const covers =
    field === 'any'
      ? sql`true`
      : field === 'subject'
        ? wholeSubject
        : sql`(${wholeSubject}
          or exists (select 1 from block_records br join pd_records r on r.id = br.record_id
                      where br.block_id = b.id and br.fields is null and r.data_fields ? ${field})
          or exists (select 1 from block_targets t where t.block_id = b.id and t.kind = 'field' and t.field = ${field}
                      and (t.contact_value is null or ${what.contactValue ?? null}::text is null
                           or t.contact_value = ${what.contactValue ?? null})))`;
  const [row] = await selectRows<{ id: number | string; case_number: string }>(
    tx,
    sql`select b.id, c.incoming_number as case_number from blocks b join cases c on c.id = b.case_id
      where b.subject_id = ${subjectId} and b.state in ${IN_EFFECT} and b.id <> ${exceptBlockId ?? 0} and ${covers}
      order by b.id limit 1`,
  );
  return row ? { id: Number(row.id), caseNumber: row.case_number } : null;
}

export function blockedRefusal(action: string, block: HoldingBlock): DomainError {
  return new DomainError(
    'PRECONDITION_FAILED',
    msg('blocks.blocked', { action, caseNumber: block.caseNumber, id: block.id }),
    'blocked',
  );
}

/** Refuses a change of blocked data, except through the resolution of the block named by `allowBlockId`. */
export async function assertNotBlocked(
  tx: Tx,
  subjectId: number,
  what: { field: PdField | 'any' | 'subject'; contactValue?: string | null },
  action: string,
  allowBlockId?: number,
): Promise<void> {
  const block = await blockHolding(tx, subjectId, what, allowBlockId);
  if (block) throw blockedRefusal(action, block);
}
