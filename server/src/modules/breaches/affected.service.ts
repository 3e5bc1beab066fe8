import { MAX_AFFECTED_SUBJECTS, type NotificationState } from '@pd-desk/shared/breaches/breach-model';
import type { AffectedCriteria, SetExceptionInput } from '@pd-desk/shared/breaches/breaches.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { breachJobs, breachSubjects } from '../../db/schema/breaches';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { assertSubjectsExist } from '../cases/case-records';
import { kickBreachJobs } from './breach-jobs';
import { assertNotClosed, lockBreach, recordBreachEvent } from './breach-records';
import { csvTokens } from './csv-tokens';
import { jobView } from './jobs-view';

export async function affectedCount(tx: Tx, breachId: number): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(breachSubjects)
    .where(eq(breachSubjects.breachId, breachId));
  return row?.count ?? 0;
}

function capRefusal(): DomainError {
  return new DomainError(
    'BAD_REQUEST',
    msg('breaches.affectedLimit', { max: MAX_AFFECTED_SUBJECTS }),
    'affected_limit',
  );
}

/** People found through search, added one by one (at most 100 at a time). */
export async function addAffectedSubjects(
  { db, actor }: ServiceContext,
  input: { breachId: number; subjectIds: number[] },
) {
  const ids = [...new Set(input.subjectIds)];
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id: input.breachId });
    assertNotClosed(row, 'добавить субъектов');
    await assertSubjectsExist(tx, ids);
    if ((await affectedCount(tx, row.id)) + ids.length > MAX_AFFECTED_SUBJECTS) throw capRefusal();
    const added = await tx
      .insert(breachSubjects)
      .values(ids.map((subjectId) => ({ breachId: row.id, subjectId, addedVia: 'search' })))
      .onConflictDoNothing()
      .returning({ subjectId: breachSubjects.subjectId });
    await recordBreachEvent(tx, actor, row.id, {
      kind: 'subjects_added',
      text: `Добавлено субъектов: ${added.length}`,
      details: { via: 'search', subjectIds: added.map((a) => a.subjectId) },
    });
    return { added: added.length };
  });
}

async function startJob(
  { db, actor }: ServiceContext,
  breachId: number,
  kind: 'add_subjects' | 'notify',
  params: Record<string, unknown>,
  text: string,
) {
  const job = await db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id: breachId });
    assertNotClosed(row, text.toLowerCase());
    const [running] = await tx
      .select({ id: breachJobs.id })
      .from(breachJobs)
      .where(and(eq(breachJobs.breachId, breachId), sql`${breachJobs.state} in ('queued', 'running')`));
    if (running) {
      throw new DomainError('CONFLICT', msg('breaches.jobRunning'), 'job_running');
    }
    const [job] = await tx.insert(breachJobs).values({ breachId, kind, params, createdById: actor.userId }).returning();
    if (!job) throw new Error('job insert returned nothing');
    // The job's parameters (a CSV of contacts) are personal data: the trail names the job, not them.
    await recordBreachEvent(tx, actor, breachId, {
      kind: `${kind}_started`,
      text,
      details: { jobId: job.id, via: params.via },
    });
    return jobView(job);
  });
  kickBreachJobs();
  return job;
}

export function startAddByCriteria(ctx: ServiceContext, input: { breachId: number; criteria: AffectedCriteria }) {
  return startJob(
    ctx,
    input.breachId,
    'add_subjects',
    { via: input.criteria.kind, criteria: input.criteria },
    'Добавление субъектов по критериям',
  );
}

export function startAddFromCsv(ctx: ServiceContext, input: { breachId: number; csv: string }) {
  const tokens = csvTokens(input.csv);
  if (tokens.length === 0) throw new DomainError('BAD_REQUEST', msg('breaches.csvEmpty'), 'csv_empty');
  if (tokens.length > MAX_AFFECTED_SUBJECTS) throw capRefusal();
  return startJob(ctx, input.breachId, 'add_subjects', { via: 'csv', tokens }, 'Добавление субъектов из CSV');
}

export function startNotification(ctx: ServiceContext, input: { breachId: number }) {
  return startJob(ctx, input.breachId, 'notify', { via: 'notify' }, 'Уведомление субъектов');
}

/**
 * Policy 5.2: a subject whose data was public before, came from a third party before, or was disclosed
 * with consent is not notified. Only before their notification went out.
 */
export async function setException({ db, actor }: ServiceContext, input: SetExceptionInput) {
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id: input.breachId });
    assertNotClosed(row, 'изменить исключение');
    const [current] = await tx
      .select({ state: breachSubjects.state, exception: breachSubjects.exception })
      .from(breachSubjects)
      .where(and(eq(breachSubjects.breachId, row.id), eq(breachSubjects.subjectId, input.subjectId)))
      .for('update');
    if (!current) throw new DomainError('NOT_FOUND', msg('breaches.subjectNotAffected'));
    if (current.state !== 'pending' && current.state !== 'excluded') {
      throw new DomainError('BAD_REQUEST', msg('breaches.alreadyNotified'), 'already_notified');
    }
    const state: NotificationState = input.exception ? 'excluded' : 'pending';
    await tx
      .update(breachSubjects)
      .set({ exception: input.exception, exceptionReason: input.exception ? input.reason : null, state })
      .where(and(eq(breachSubjects.breachId, row.id), eq(breachSubjects.subjectId, input.subjectId)));
    // The reason may describe the person: the trail records which exception, the page shows why.
    await appendAudit(tx, actor, {
      action: 'breach.exception_set',
      objectType: 'breach',
      objectId: row.id,
      changes: { exception: { before: current.exception, after: input.exception } },
      details: { subjectId: input.subjectId },
    });
    return { state };
  });
}

/** The affected subjects, masked (the subject page shows them in clear, audited). */
export async function listAffected(
  { db }: ServiceContext,
  input: { breachId: number; state?: NotificationState | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(breachSubjects.breachId, input.breachId),
    input.state ? eq(breachSubjects.state, input.state) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        subjectId: breachSubjects.subjectId,
        lastName: subjects.lastName,
        firstName: subjects.firstName,
        middleName: subjects.middleName,
        addedVia: breachSubjects.addedVia,
        exception: breachSubjects.exception,
        exceptionReason: breachSubjects.exceptionReason,
        state: breachSubjects.state,
        notifiedAt: breachSubjects.notifiedAt,
      })
      .from(breachSubjects)
      .innerJoin(subjects, eq(subjects.id, breachSubjects.subjectId))
      .where(where)
      .orderBy(asc(breachSubjects.subjectId))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(breachSubjects).where(where),
  ]);
  return {
    total: total?.count ?? 0,
    rows: rows.map(({ lastName, firstName, middleName, ...rest }) => ({
      ...rest,
      name: maskFullName([lastName, firstName, middleName].filter(Boolean).join(' ')),
    })),
  };
}
