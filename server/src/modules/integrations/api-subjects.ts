import type { ApiPerson } from '@pd-desk/shared/integrations/api.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { indexSubjectNames, subjectNameStems, writeSubjectContacts } from '../subjects/search-index';
import { contactOf } from './contact';
import { subjectsWithContact } from './subject-contacts';

/**
 * The subject another system means: the one with the phone, else the e-mail, else the same name and birth date;
 * several with one phone (a family) are narrowed by name. Nobody found → a new subject, which needs a name.
 */
export async function matchOrCreateSubject(
  tx: Tx,
  actor: Actor,
  person: ApiPerson,
  source: string,
): Promise<{ subjectId: number; created: boolean }> {
  const phone = person.phone ? contactOf({ phone: person.phone }) : null;
  const email = person.email ? contactOf({ email: person.email }) : null;
  const stems =
    person.lastName && person.firstName
      ? subjectNameStems({ lastName: person.lastName, firstName: person.firstName })
      : null;
  for (const contact of [phone, email]) {
    if (!contact) continue;
    const ids = await subjectsWithContact(tx, contact);
    const chosen = ids.length > 1 && stems ? await sameName(tx, ids, stems) : ids;
    if (chosen[0] !== undefined) return { subjectId: chosen[0], created: false };
  }
  if (stems && person.birthDate) {
    const [row] = await tx
      .select({ id: subjects.id })
      .from(subjects)
      .where(
        and(
          eq(subjects.lastStem, stems.lastStem),
          eq(subjects.firstStem, stems.firstStem),
          eq(subjects.birthDate, person.birthDate),
          sql`${subjects.mergedIntoId} is null`,
        ),
      )
      .orderBy(subjects.id)
      .limit(1);
    if (row) return { subjectId: row.id, created: false };
  }
  if (!person.lastName || !person.firstName) {
    throw new DomainError('BAD_REQUEST', msg('integrations.personIncomplete'), 'person_incomplete');
  }
  const names = { lastName: person.lastName, firstName: person.firstName, middleName: person.middleName ?? null };
  const [row] = await tx
    .insert(subjects)
    .values({
      ...names,
      ...subjectNameStems(names),
      birthDate: person.birthDate ?? null,
      category: person.category ?? 'site_user',
    })
    .returning({ id: subjects.id });
  if (!row) throw new Error('subject insert returned nothing');
  await writeSubjectContacts(tx, row.id, {
    phones: person.phone ? [person.phone] : [],
    emails: person.email ? [person.email] : [],
  });
  await indexSubjectNames(tx, row.id);
  // The trail says a subject was created and from where; the names stay in the subject's own row.
  await appendAudit(tx, actor, {
    action: 'subject.create',
    objectType: 'subject',
    objectId: row.id,
    details: { source },
  });
  return { subjectId: row.id, created: true };
}

async function sameName(tx: Tx, ids: number[], stems: { lastStem: string; firstStem: string }) {
  const rows = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(
      and(
        sql`${subjects.id} = any(${sql.param(ids)}::bigint[])`,
        eq(subjects.lastStem, stems.lastStem),
        eq(subjects.firstStem, stems.firstStem),
      ),
    )
    .orderBy(subjects.id);
  return rows.length > 0 ? rows.map((r) => r.id) : ids;
}
