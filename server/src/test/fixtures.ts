import type { CreateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import type { Db } from '../db/client';
import { caseSubjects, cases } from '../db/schema/cases';
import { subjects } from '../db/schema/subjects';
import { indexSubjectNames, subjectNameStems } from '../modules/subjects/search-index';

/** Case and subject rows for tests (time comes from clockOn in factories.ts). */

export function accessRequest(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    type: 'access',
    channel: 'post',
    requester: {
      kind: 'subject',
      name: 'Иванова Мария Петровна',
      address: '620000, г. Екатеринбург, ул. Ленина, д. 1',
    },
    receivedOn: '2026-11-20',
    subjectIds: [],
    ...overrides,
  };
}

/** A subject with just a name, indexed the way the subjects module indexes it. */
export async function insertSubject(db: Db, lastName: string, firstName: string, middleName: string | null = null) {
  const [row] = await db
    .insert(subjects)
    .values({
      lastName,
      firstName,
      middleName,
      category: 'patient',
      ...subjectNameStems({ lastName, firstName, middleName }),
    })
    .returning({ id: subjects.id });
  if (!row) throw new Error('subject insert returned nothing');
  // Registers the name words, so the subject search (used by the queue search) finds the person.
  await indexSubjectNames(db, row.id);
  return row.id;
}

/** A subject as the officer enters one by hand, with every contact. */
export const IVANOVA = {
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1985-03-12',
  category: 'patient' as const,
  phone: '8 912 345-67-89',
  email: 'maria.ivanova@mail.ru',
  address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
  source: 'Письмо вх. № 15 от 03.02.2026',
};

/** `n` bare cases linked to the subject, written directly (no audit, no numbering). */
export async function addCases(db: Db, subjectId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const [c] = await db
      .insert(cases)
      .values({
        incomingNumber: `ВХ-${subjectId}-${i}`,
        type: 'access',
        rule: 'access',
        channel: 'post',
        requesterKind: 'subject',
        requesterName: 'Заявитель',
        receivedOn: '2026-10-01',
        registeredOn: '2026-10-01',
        dueOn: '2026-10-15',
        dueProvisional: false,
      })
      .returning({ id: cases.id });
    if (c) await db.insert(caseSubjects).values({ caseId: c.id, subjectId });
  }
}
