import { type DemoSubject, generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { subjects } from '../../db/schema/subjects';
import { type Actor, appendAudit } from '../audit/audit.service';
import { type KnownNameWords, type SubjectImportRow, writeSubjectBatch } from '../subjects/subjects.bulk';

/** Every demo data set uses this seed, so DEMO-0000042 is the same person in every installation and test. */
export const DEMO_SUBJECT_SEED = 20261125;
/** What a first start on an empty database gets: enough to try search with namesakes, quick to create. */
export const FIRST_START_DEMO_SUBJECTS = 2_000;

// Rows per INSERT and batches per transaction: measured on PGlite, larger batches stop paying off around here.
const BATCH_ROWS = 5_000;
const BATCHES_PER_TRANSACTION = 4;

export function demoImportRow(s: DemoSubject): SubjectImportRow {
  return {
    externalId: s.externalId,
    lastName: s.lastName,
    firstName: s.firstName,
    middleName: s.middleName,
    birthDate: s.birthDate,
    category: s.category,
    phones: s.phone ? [s.phone] : [],
    emails: s.email ? [s.email] : [],
    addresses: s.address ? [s.address] : [],
    formerLastNames: s.formerLastName ? [s.formerLastName] : [],
  };
}

export type SeedProgress = (done: number, total: number) => void;

/**
 * Writes demo subjects DEMO-0000001…N; already present ones are left as they are (the same idempotent path as
 * import), so a seed can be resumed or extended.
 */
export async function seedDemoSubjects(db: Db, actor: Actor, total: number, onProgress?: SeedProgress) {
  const known: KnownNameWords = new Map();
  const outcome = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < total; start += BATCH_ROWS * BATCHES_PER_TRANSACTION) {
    const end = Math.min(total, start + BATCH_ROWS * BATCHES_PER_TRANSACTION);
    await db.transaction(async (tx) => {
      for (let from = start; from < end; from += BATCH_ROWS) {
        const rows = [
          ...generateSubjects({ seed: DEMO_SUBJECT_SEED, startIndex: from, count: Math.min(BATCH_ROWS, end - from) }),
        ].map(demoImportRow);
        const batch = await writeSubjectBatch(tx, actor, rows, known);
        outcome.created += batch.created;
        outcome.updated += batch.updated;
        outcome.unchanged += batch.unchanged;
      }
    });
    onProgress?.(end, total);
  }
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'subject.seed',
      objectType: 'subject',
      details: { seed: DEMO_SUBJECT_SEED, requested: total, ...outcome },
    }),
  );
  return outcome;
}

/** Only on a database without subjects: a real registry is never touched. */
export async function seedDemoSubjectsIfEmpty(db: Db, actor: Actor, total = FIRST_START_DEMO_SUBJECTS) {
  const [row] = await db.select({ n: count() }).from(subjects);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemoSubjects(db, actor, total);
}
