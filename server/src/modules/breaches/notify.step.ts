import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { breachJobs, breachSubjects } from '../../db/schema/breaches';
import type { ServiceContext } from '../../service-context';
import type { StepResult } from './add-subjects.step';
import { breachNumber } from './breach-records';
import { letterMaker } from './letters-source';
import type { Mailer } from './mailer';
import { SUBJECT_LETTER_TITLE, subjectLetterText } from './subject-letter';

type Job = typeof breachJobs.$inferSelect;

const CHUNK = 500;

const firstEmail = sql<
  string | null
>`(select e.normalised from subject_emails e where e.subject_id = breach_subjects.subject_id order by e.id limit 1)`;

/**
 * One chunk of notifications. Every pending subject gets a letter (in the bundle); one with an e-mail
 * also gets it by e-mail. The chunk's states are committed as `sending` together with the job's cursor
 * before any e-mail leaves, so a restart never sends one twice: an unconfirmed one stays `sending`.
 */
export async function notifyStep(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  mailer: Mailer,
  job: Job,
): Promise<StepResult> {
  const outgoing = await db.transaction(async (tx) => {
    const chunk = await tx
      .select({ subjectId: breachSubjects.subjectId, email: firstEmail })
      .from(breachSubjects)
      .where(
        and(
          eq(breachSubjects.breachId, job.breachId),
          eq(breachSubjects.state, 'pending'),
          isNull(breachSubjects.exception),
          gt(breachSubjects.subjectId, job.cursor),
        ),
      )
      .orderBy(asc(breachSubjects.subjectId))
      .limit(CHUNK)
      .for('update');
    const now = clock.now();
    const byState = (withEmail: boolean) =>
      chunk.filter((c) => (c.email !== null) === withEmail).map((c) => c.subjectId);
    for (const [state, ids] of [
      ['letter', byState(false)],
      ['sending', byState(true)],
    ] as const) {
      if (ids.length === 0) continue;
      await tx
        .update(breachSubjects)
        .set({ state, notifiedAt: now })
        .where(and(eq(breachSubjects.breachId, job.breachId), inArray(breachSubjects.subjectId, ids)));
    }
    const total = job.total ?? (await pendingCount(tx, job.breachId)) + chunk.length;
    const cursor = chunk.at(-1)?.subjectId ?? job.cursor;
    await tx
      .update(breachJobs)
      .set({ cursor, total, processed: job.processed + chunk.length, updatedAt: new Date() })
      .where(eq(breachJobs.id, job.id));
    return { chunk, cursor, total };
  });
  const withEmail = outgoing.chunk.filter((c) => c.email !== null);
  const problems: string[] = [];
  let sent = 0;
  if (withEmail.length > 0) {
    const letterFor = await letterMaker(db, clock, job.breachId);
    const people = await db.query.subjects.findMany({
      columns: { id: true, lastName: true, firstName: true, middleName: true },
      where: (s, { inArray: within }) =>
        within(
          s.id,
          withEmail.map((c) => c.subjectId),
        ),
    });
    for (const person of people) {
      const target = withEmail.find((c) => c.subjectId === person.id);
      if (!target?.email) continue;
      const letter = letterFor({ ...person, address: null });
      let state: 'emailed' | 'outbox' | 'failed';
      try {
        state = await mailer.send({
          id: `${breachNumber(job.breachId)}-${person.id}`,
          to: target.email,
          subject: `${SUBJECT_LETTER_TITLE} (${letter.letterhead.operatorName})`,
          text: subjectLetterText(letter),
        });
        sent++;
      } catch {
        state = 'failed';
        problems.push(`субъект ${person.id}: e-mail не отправлен — письмо в пакете для печати`);
      }
      await db
        .update(breachSubjects)
        .set({ state })
        .where(and(eq(breachSubjects.breachId, job.breachId), eq(breachSubjects.subjectId, person.id)));
    }
  }
  return {
    cursor: outgoing.cursor,
    processed: 0,
    added: sent,
    problems,
    done: outgoing.chunk.length < CHUNK,
    total: outgoing.total,
  };
}

async function pendingCount(db: Db | Tx, breachId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(breachSubjects)
    .where(
      and(eq(breachSubjects.breachId, breachId), eq(breachSubjects.state, 'pending'), isNull(breachSubjects.exception)),
    );
  return row?.n ?? 0;
}
