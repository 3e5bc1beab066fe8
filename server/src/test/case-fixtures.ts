import type { CreateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import type { Db } from '../db/client';
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
