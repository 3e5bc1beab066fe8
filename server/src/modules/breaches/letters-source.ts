import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { breachSubjects } from '../../db/schema/breaches';
import { subjects } from '../../db/schema/subjects';
import type { ServiceContext } from '../../service-context';
import { getSetting } from '../settings/settings.service';
import { assertBreachExists, breachNumber } from './breach-records';
import { type SubjectLetter, subjectLetter } from './subject-letter';

/** Notified subjects (everyone the job reached, by any channel) get a letter; pending and excluded ones do not. */
export const LETTER_STATES = ['letter', 'sending', 'emailed', 'outbox', 'failed'] as const;

const PAGE = 1_000;

/** The letter maker for one incident: the incident and letterhead are read once, then people are fed in. */
export async function letterMaker(db: Db | Tx, clock: ServiceContext['clock'], breachId: number) {
  const row = await assertBreachExists(db, breachId);
  const letterhead = await getSetting(db, 'letterhead');
  const incident = { ...row, number: breachNumber(row.id) };
  const today = clock.today();
  return (person: { lastName: string; firstName: string; middleName: string | null; address: string | null }) =>
    subjectLetter(incident, person, letterhead, clock.timeZone, today);
}

const firstAddress = sql<
  string | null
>`(select a.address from subject_addresses a where a.subject_id = subjects.id order by a.id limit 1)`;

/** People for the letters, a page at a time in subject order, so 10k letters never sit in memory at once. */
export async function* letterPeople(db: Db, breachId: number, onlySubjectId?: number) {
  let after = 0;
  for (;;) {
    const page = await db
      .select({
        subjectId: breachSubjects.subjectId,
        lastName: subjects.lastName,
        firstName: subjects.firstName,
        middleName: subjects.middleName,
        address: firstAddress,
      })
      .from(breachSubjects)
      .innerJoin(subjects, eq(subjects.id, breachSubjects.subjectId))
      .where(
        and(
          eq(breachSubjects.breachId, breachId),
          inArray(breachSubjects.state, [...LETTER_STATES]),
          gt(breachSubjects.subjectId, after),
          onlySubjectId === undefined ? undefined : eq(breachSubjects.subjectId, onlySubjectId),
        ),
      )
      .orderBy(asc(breachSubjects.subjectId))
      .limit(PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]?.subjectId ?? after;
  }
}

export type LetterFor = (person: Parameters<Awaited<ReturnType<typeof letterMaker>>>[0]) => SubjectLetter;
