import type { CreateBlockInput, createBlockInput } from '@pd-desk/shared/blocks/blocks.schemas';
import type { z } from 'zod';
import type { Db } from '../db/client';
import type { Caller } from './factories';
import { IVANOVA, insertRecord } from './fixtures';

/** A patient with a booking record (phone, e-mail), a newsletter record (e-mail) and the medical chart. */
export async function patientWithRecords(db: Db, officer: Caller, overrides: Partial<typeof IVANOVA> = {}) {
  const subjectId = (await officer.subjects.create({ ...IVANOVA, ...overrides })).id;
  const booking = await insertRecord(db, subjectId, {
    system: 'booking_site',
    purpose: 'online_booking',
    fields: ['full_name', 'phone', 'email'],
    externalId: `b-${subjectId}`,
  });
  const newsletter = await insertRecord(db, subjectId, {
    system: 'newsletter',
    purpose: 'newsletter',
    fields: ['full_name', 'email'],
  });
  const chart = await insertRecord(db, subjectId, {
    system: 'mis',
    purpose: 'medical_care',
    fields: ['full_name', 'phone', 'birth_date', 'health'],
    legalBasis: 'law',
  });
  return { subjectId, booking, newsletter, chart };
}

/** «The caller disputes the phone»: only the booking record's phone, a new case registered from the call. */
export function phoneBlock(
  subjectId: number,
  recordId: number,
  overrides: Partial<z.input<typeof createBlockInput>> = {},
): z.input<typeof createBlockInput> {
  return {
    subjectId,
    newCase: {
      channel: 'in_person',
      requester: { kind: 'subject', name: 'Иванова Мария Петровна', address: '620050, Екатеринбург' },
      receivedOn: '2026-12-29',
    },
    reason: 'inaccurate',
    scope: { fields: [{ recordId, field: 'phone' }] },
    description: 'По телефону сообщила, что номер в онлайн-записи чужой',
    noHarmConfirmed: true,
    ...overrides,
  };
}
export type { CreateBlockInput };
