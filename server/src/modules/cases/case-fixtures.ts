import type { CreateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Db } from '../../db/client';
import { subjects } from '../../db/schema/subjects';

/** Test support for the cases module (imported by *.test.ts only). */

/**
 * Freezes `new Date()` (only Date: timers keep running) at 10:00 Yekaterinburg time of `iso`, so
 * "today" in the operator's zone is that date whatever day the tests run.
 */
export function freezeToday(iso: string): void {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${iso}T05:00:00Z`) });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}

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

/** A subject row with just what the cases module reads (the subjects module owns the rest). */
export async function insertSubject(db: Db, lastName: string, firstName: string, middleName: string | null = null) {
  const [row] = await db
    .insert(subjects)
    .values({
      lastName,
      firstName,
      middleName,
      category: 'patient',
      lastStem: lastName.toLowerCase(),
      firstStem: firstName.toLowerCase(),
      middleStem: middleName?.toLowerCase() ?? null,
    })
    .returning({ id: subjects.id });
  if (!row) throw new Error('subject insert returned nothing');
  return row.id;
}
