import { type DemoSubject, generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { count } from 'drizzle-orm';
import { subjects } from '../../db/schema/subjects';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { type SubjectImportRow, type WriteProgress, writeSubjects } from '../subjects/bulk-write';

/** Every demo data set uses this seed, so DEMO-0000042 is the same person in every installation and test. */
export const DEMO_SUBJECT_SEED = 20261125;
/** What a first start on an empty database gets: enough to try search with namesakes, quick to create. */
export const FIRST_START_DEMO_SUBJECTS = 2_000;

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

/**
 * Writes demo subjects DEMO-0000001…N; already present ones are left as they are (the same idempotent path as
 * import), so a seed can be resumed or extended.
 */
export async function seedDemoSubjects({ db, actor }: ServiceContext, total: number, onProgress?: WriteProgress) {
  const rows = (function* () {
    for (const s of generateSubjects({ seed: DEMO_SUBJECT_SEED, count: total })) yield demoImportRow(s);
  })();
  const outcome = await writeSubjects(db, actor, rows, { expectedRows: total, ...(onProgress ? { onProgress } : {}) });
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
export async function seedDemoSubjectsIfEmpty(ctx: ServiceContext, total = FIRST_START_DEMO_SUBJECTS) {
  const [row] = await ctx.db.select({ n: count() }).from(subjects);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemoSubjects(ctx, total);
}
