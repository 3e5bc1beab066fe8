import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { consents, pdRecords, processingPurposes, processingSystems } from '../db/schema/subject-records';
import { subjectEmails, subjectPhones } from '../db/schema/subjects';
import type { Caller } from './factories';
import { insertSubject } from './fixtures';

/** Withdrawal cases for the mail desk's tests: a subject with records in the clinic's seeded systems. */

async function catalogueIds(db: Db, system: string, purpose: string) {
  const [s] = await db
    .select({ id: processingSystems.id })
    .from(processingSystems)
    .where(eq(processingSystems.code, system));
  const [p] = await db
    .select({ id: processingPurposes.id })
    .from(processingPurposes)
    .where(eq(processingPurposes.code, purpose));
  if (!s || !p) throw new Error(`catalogue has no ${system}/${purpose}`);
  return { systemId: s.id, purposeId: p.id };
}

type RecordSpec = {
  system: string;
  purpose: string;
  legalBasis: 'consent' | 'contract' | 'law';
  fields: PdField[];
  externalId?: string;
  state?: 'active' | 'processing_stopped';
};

/** Newsletter and advertising on consent (with the consent rows), the medical card by law, payments by contract. */
export const IVANOVA_RECORDS: RecordSpec[] = [
  {
    system: 'newsletter',
    purpose: 'newsletter',
    legalBasis: 'consent',
    fields: ['full_name', 'email'],
    externalId: 'nl-1',
  },
  { system: 'ad_mailings', purpose: 'advertising', legalBasis: 'consent', fields: ['full_name', 'phone'] },
  {
    system: 'mis',
    purpose: 'medical_care',
    legalBasis: 'law',
    fields: ['full_name', 'birth_date', 'health'],
    externalId: 'mis-77',
  },
  { system: 'payments', purpose: 'payment_tax', legalBasis: 'contract', fields: ['full_name', 'inn'] },
];

export async function insertSubjectWithRecords(db: Db, specs: RecordSpec[] = IVANOVA_RECORDS) {
  const subjectId = await insertSubject(db, 'Иванова', 'Мария', 'Петровна');
  await db
    .insert(subjectPhones)
    .values({ subjectId, raw: '8 912 345-67-89', digits: '79123456789', digitsReversed: '98765432197' });
  await db
    .insert(subjectEmails)
    .values({ subjectId, raw: 'maria.ivanova@mail.ru', normalised: 'maria.ivanova@mail.ru' });
  const recordIds: Record<string, number> = {};
  const consentIds: Record<string, number> = {};
  for (const spec of specs) {
    const { systemId, purposeId } = await catalogueIds(db, spec.system, spec.purpose);
    let consentId: number | null = null;
    if (spec.legalBasis === 'consent') {
      const [consent] = await db
        .insert(consents)
        .values({
          subjectId,
          purposeId,
          method: 'web_checkbox',
          form: 'Подписка на сайте',
          checkboxText: 'Согласен на получение рассылки',
          policyVersion: '2025-09',
          givenAt: '2026-02-01T10:00:00Z',
        })
        .returning({ id: consents.id });
      consentId = consent?.id ?? null;
      if (consentId) consentIds[spec.purpose] = consentId;
    }
    const [record] = await db
      .insert(pdRecords)
      .values({
        subjectId,
        systemId,
        purposeId,
        legalBasis: spec.legalBasis,
        consentId,
        // Unique per system: the subject's id keeps several test subjects apart.
        externalId: spec.externalId ? `${spec.externalId}-${subjectId}` : null,
        dataFields: spec.fields,
        collectedOn: '2026-02-01',
        state: spec.state ?? 'active',
      })
      .returning({ id: pdRecords.id });
    if (record) recordIds[spec.purpose] = record.id;
  }
  return { subjectId, recordIds, consentIds };
}

/** A consent withdrawal registered the way the intake registers it, with the matched subject linked. */
export async function registerWithdrawal(officer: Caller, subjectId: number, receivedOn = '2026-11-20') {
  return officer.cases.create({
    type: 'consent_withdrawal',
    channel: 'post',
    requester: {
      kind: 'subject',
      name: 'Иванова Мария Петровна',
      address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
    },
    receivedOn,
    subjectIds: [subjectId],
  });
}

/** Иванова's withdrawal carried out as proposed (newsletter and ads destroyed, the medical card kept) and answered. */
export async function answeredWithdrawal(db: Db, officer: Caller) {
  const people = await insertSubjectWithRecords(db);
  const { id: caseId, incomingNumber } = await registerWithdrawal(officer, people.subjectId);
  const { planId } = await officer.mail.plan.create({ caseId });
  await officer.mail.plan.confirm({ planId });
  const done = await officer.mail.plan.complete({ planId, destructionTool: 'СЗИ «Secret Net Studio 8»' });
  const answer = await officer.mail.documents.createAnswer({ planId });
  return { ...people, caseId, incomingNumber, planId, actId: done.act?.id as number, ...answer };
}
