import { MAX_AFFECTED_SUBJECTS } from '@pd-desk/shared/breaches/breach-model';
import type { AffectedCriteria } from '@pd-desk/shared/breaches/breaches.schemas';
import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { maskEmail, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { breachJobs } from '../../db/schema/breaches';
import { phoneIsAnyOf } from '../subjects/search-index';
import { list, selectRows } from '../subjects/sql-arrays';
import { affectedCount } from './affected.service';
import type { CsvToken } from './csv-tokens';

type Job = typeof breachJobs.$inferSelect;
export type StepResult = {
  cursor: number;
  processed: number;
  added: number;
  problems: string[];
  done: boolean;
  total?: number;
};

const CRITERIA_CHUNK = 20_000;
const CSV_CHUNK = 5_000;

/** Records that no longer hold the data (destroyed, anonymised) were not exposed by the incident. */
function criteriaWhere(criteria: AffectedCriteria): SQL {
  const live = sql`r.state not in ('destroyed', 'anonymised')`;
  switch (criteria.kind) {
    case 'system':
      return sql`r.system_id = ${criteria.systemId} and ${live}`;
    case 'purpose':
      return sql`r.purpose_id = ${criteria.purposeId} and ${live}`;
    case 'period':
      return sql`r.collected_on between ${criteria.from} and ${criteria.to} and ${live}`;
  }
}

const limitReached = () =>
  `Достигнут предел ${MAX_AFFECTED_SUBJECTS.toLocaleString('ru-RU')} субъектов на инцидент: остальные не добавлены`;

/**
 * One chunk of «everyone with a record in …», in subject id order from the cursor: a single
 * INSERT … SELECT, so a chunk is one statement whatever its size, and a restart resumes after the
 * last committed chunk.
 */
export async function criteriaStep(tx: Tx, job: Job): Promise<StepResult> {
  const criteria = job.params.criteria as AffectedCriteria;
  const where = criteriaWhere(criteria);
  const total =
    job.total ??
    (
      await selectRows<{ n: number }>(
        tx,
        sql`select count(distinct r.subject_id)::int as n from pd_records r where ${where}`,
      )
    )[0]?.n ??
    0;
  const room = MAX_AFFECTED_SUBJECTS - (await affectedCount(tx, job.breachId));
  if (room <= 0) return { cursor: job.cursor, processed: 0, added: 0, problems: [limitReached()], done: true, total };
  const limit = Math.min(CRITERIA_CHUNK, room);
  const rows = await selectRows<{ last: number | null; seen: number; added: number }>(
    tx,
    sql`
    with picked as (
      select distinct r.subject_id from pd_records r
      where ${where} and r.subject_id > ${job.cursor}
      order by r.subject_id limit ${limit}
    ), ins as (
      insert into breach_subjects (breach_id, subject_id, added_via)
      select ${job.breachId}, subject_id, ${criteria.kind} from picked
      on conflict do nothing returning 1
    )
    select (select max(subject_id) from picked)::bigint as last,
           (select count(*) from picked)::int as seen,
           (select count(*) from ins)::int as added`,
  );
  const row = rows[0] ?? { last: null, seen: 0, added: 0 };
  const exhausted = row.seen < limit;
  const capped = !exhausted && limit < CRITERIA_CHUNK;
  return {
    cursor: row.last === null ? job.cursor : Number(row.last),
    processed: row.seen,
    added: row.added,
    problems: capped ? [limitReached()] : [],
    done: exhausted || capped,
    total,
  };
}

function maskedToken(token: CsvToken): string {
  const value =
    token.kind === 'phone'
      ? maskPhone(token.key)
      : token.kind === 'email'
        ? maskEmail(token.key)
        : maskFullName(token.key);
  return `строка ${token.line}: ${value} — не найден`;
}

/** One chunk of the contacts CSV: each line looked up by its key; what matched nobody goes to the report (masked). */
export async function csvStep(tx: Tx, job: Job): Promise<StepResult> {
  const tokens = job.params.tokens as CsvToken[];
  const chunk = tokens.slice(job.cursor, job.cursor + CSV_CHUNK);
  const keys = (kind: CsvToken['kind']) => chunk.filter((t) => t.kind === kind).map((t) => t.key);
  const rows = await selectRows<{ kind: string; key: string; subject_id: number }>(
    tx,
    sql`
    select 'phone' as kind, digits as key, subject_id from subject_phones where ${phoneIsAnyOf(keys('phone'))}
    union all
    select 'email', normalised, subject_id from subject_emails where normalised = any(${list(keys('email'))}::text[])
    union all
    select 'external', external_id, id from subjects where merged_into_id is null and external_id = any(${list(keys('external'))}::text[])`,
  );
  const found = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.kind}:${row.key}`;
    found.set(key, [...(found.get(key) ?? []), Number(row.subject_id)]);
  }
  const ids = new Set<number>();
  const problems: string[] = [];
  for (const token of chunk) {
    const matched = found.get(`${token.kind}:${token.key}`);
    if (matched) for (const id of matched) ids.add(id);
    else problems.push(maskedToken(token));
  }
  const room = MAX_AFFECTED_SUBJECTS - (await affectedCount(tx, job.breachId));
  const accepted = [...ids].slice(0, Math.max(room, 0));
  if (accepted.length < ids.size) problems.push(limitReached());
  let added = 0;
  if (accepted.length > 0) {
    const inserted = await selectRows(
      tx,
      sql`
      insert into breach_subjects (breach_id, subject_id, added_via)
      select ${job.breachId}, unnest(${list(accepted)}::bigint[]), 'csv'
      on conflict do nothing returning 1`,
    );
    added = inserted.length;
  }
  const cursor = job.cursor + chunk.length;
  return {
    cursor,
    processed: chunk.length,
    added,
    problems,
    done: cursor >= tokens.length || accepted.length < ids.size,
    total: tokens.length,
  };
}
