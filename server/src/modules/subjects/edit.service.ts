import { addDays } from '@pd-desk/shared/calendar/iso-date';
import { maskFieldValue } from '@pd-desk/shared/subjects/record-mask';
import type { SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import type {
  addRecordInput,
  addRepresentativeInput,
  createSubjectInput,
  RectifiableField,
  rectifyInput,
  withdrawConsentInput,
} from '@pd-desk/shared/subjects/subject-records.schemas';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { AuditChanges } from '../../db/schema/audit';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRectifications,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjectAddresses, subjectEmails, subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { subjectCoreColumns } from './page.service';
import { indexSubjectNames, subjectNameStems, writeSubjectContacts } from './search-index';

export const STALE_SUBJECT_MESSAGE =
  'Запись изменил другой пользователь, пока вы её редактировали. Ничего не перезаписано: обновите страницу и внесите правку заново.';

export function staleVersion(): DomainError {
  return new DomainError('CONFLICT', STALE_SUBJECT_MESSAGE, 'stale_version');
}

/** Audit changes with masked values: the trail records that a field changed, the old value stays in its own table. */
function maskedChanges(values: Partial<Record<RectifiableField, string | null>>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    if (value) changes[field] = { before: null, after: maskFieldValue(field, value) };
  }
  return changes;
}

export async function createSubject({ db, actor }: ServiceContext, input: z.output<typeof createSubjectInput>) {
  return db.transaction(async (tx) => {
    const names = { lastName: input.lastName, firstName: input.firstName, middleName: input.middleName ?? null };
    const [row] = await tx
      .insert(subjects)
      .values({ ...names, ...subjectNameStems(names), birthDate: input.birthDate ?? null, category: input.category })
      .returning({ id: subjects.id, version: subjects.version });
    if (!row) throw new Error('insert returned nothing');
    await writeSubjectContacts(tx, row.id, {
      phones: input.phone ? [input.phone] : [],
      emails: input.email ? [input.email] : [],
      addresses: input.address ? [input.address] : [],
    });
    await indexSubjectNames(tx, row.id);
    await appendAudit(tx, actor, {
      action: 'subject.create',
      objectType: 'subject',
      objectId: row.id,
      changes: maskedChanges({
        ...names,
        birthDate: input.birthDate ?? null,
        category: input.category,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
      }),
      details: { source: input.source },
    });
    return row;
  });
}

/** Locks the subject row for the rest of the transaction and refuses an edit based on an older version. */
export async function lockSubjectForEdit(tx: Tx, subjectId: number, version: number) {
  const [current] = await tx.select(subjectCoreColumns).from(subjects).where(eq(subjects.id, subjectId)).for('update');
  if (!current) throw new DomainError('NOT_FOUND', 'Субъект не найден');
  if (current.mergedIntoId !== null) {
    throw new DomainError(
      'BAD_REQUEST',
      `Запись объединена с записью № ${current.mergedIntoId}: вносите изменения туда или отмените объединение`,
      'merged',
    );
  }
  if (current.version !== version) throw staleVersion();
  return current;
}

export async function bumpSubjectVersion(tx: Tx, subjectId: number, set: Partial<typeof subjects.$inferInsert> = {}) {
  const [row] = await tx
    .update(subjects)
    .set({ ...set, version: sql`${subjects.version} + 1`, updatedAt: new Date() })
    .where(eq(subjects.id, subjectId))
    .returning({ version: subjects.version });
  if (!row) throw new Error('subject vanished inside its own transaction');
  return row.version;
}

type ContactField = 'phone' | 'email' | 'address';

/** The subject's current list for a contact field, as rows of {id, value as written}. */
async function contactRows(tx: Tx, subjectId: number, field: ContactField) {
  if (field === 'phone') {
    return tx
      .select({ id: subjectPhones.id, value: subjectPhones.raw })
      .from(subjectPhones)
      .where(eq(subjectPhones.subjectId, subjectId))
      .orderBy(asc(subjectPhones.id));
  }
  if (field === 'email') {
    return tx
      .select({ id: subjectEmails.id, value: subjectEmails.raw })
      .from(subjectEmails)
      .where(eq(subjectEmails.subjectId, subjectId))
      .orderBy(asc(subjectEmails.id));
  }
  return tx
    .select({ id: subjectAddresses.id, value: subjectAddresses.address })
    .from(subjectAddresses)
    .where(eq(subjectAddresses.subjectId, subjectId))
    .orderBy(asc(subjectAddresses.id));
}

const CONTACT_LIST = { phone: 'phones', email: 'emails', address: 'addresses' } as const;

/** Replaces one contact (or adds one, or removes one with an empty value) through the search index writer. */
async function rectifyContact(
  tx: Tx,
  subjectId: number,
  field: ContactField,
  contactId: number | null | undefined,
  value: string,
): Promise<string | null> {
  const rows = await contactRows(tx, subjectId, field);
  let oldValue: string | null = null;
  let list: string[];
  if (contactId) {
    const target = rows.find((r) => r.id === contactId);
    if (!target) throw new DomainError('NOT_FOUND', 'Этот контакт уже изменён или удалён — обновите страницу');
    oldValue = target.value;
    list = rows.flatMap((r) => (r.id === contactId ? (value ? [value] : []) : [r.value]));
  } else {
    list = [...rows.map((r) => r.value), value];
  }
  await writeSubjectContacts(tx, subjectId, { [CONTACT_LIST[field]]: list });
  return oldValue;
}

/**
 * Rectification (policy 4.1.2; art. 21 p. 2): one field, with the reason and the evidence. The old value goes to
 * subject_rectifications, the audit entry says who changed what (values masked), and both commit with the change.
 */
export async function rectifySubject({ db, actor }: ServiceContext, input: z.output<typeof rectifyInput>) {
  return db.transaction(async (tx) => {
    const current = await lockSubjectForEdit(tx, input.subjectId, input.version);
    const value = input.value.trim();
    let oldValue: string | null;
    let newValue: string | null = value || null;
    let version: number;
    switch (input.field) {
      case 'lastName':
      case 'firstName':
      case 'middleName': {
        oldValue = current[input.field];
        if (oldValue === newValue) throw unchanged();
        version = await bumpSubjectVersion(tx, input.subjectId, { [input.field]: newValue });
        if (input.field === 'lastName' && input.keepFormerLastName !== false && oldValue) {
          await addFormerLastName(tx, input.subjectId, oldValue);
        }
        await indexSubjectNames(tx, input.subjectId);
        break;
      }
      case 'birthDate':
        oldValue = current.birthDate;
        if (oldValue === newValue) throw unchanged();
        version = await bumpSubjectVersion(tx, input.subjectId, { birthDate: newValue });
        break;
      case 'category':
        oldValue = current.category;
        if (oldValue === newValue) throw unchanged();
        version = await bumpSubjectVersion(tx, input.subjectId, { category: value as SubjectCategory });
        break;
      default:
        oldValue = await rectifyContact(tx, input.subjectId, input.field, input.contactId, value);
        if (oldValue === newValue) throw unchanged();
        newValue = value || null;
        version = await bumpSubjectVersion(tx, input.subjectId);
    }
    const [rectification] = await tx
      .insert(subjectRectifications)
      .values({
        subjectId: input.subjectId,
        field: input.field,
        contactId: input.contactId ?? null,
        oldValue,
        newValue,
        reason: input.reason,
        evidence: input.evidence,
        actorId: actor.userId,
      })
      .returning({ id: subjectRectifications.id });
    if (!rectification) throw new Error('insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'subject.rectify',
      objectType: 'subject',
      objectId: input.subjectId,
      changes: {
        [input.field]: {
          before: maskFieldValue(input.field, oldValue),
          after: maskFieldValue(input.field, newValue),
        },
      },
      details: { rectificationId: rectification.id, version },
    });
    return { version, rectificationId: rectification.id };
  });
}

function unchanged() {
  return new DomainError('BAD_REQUEST', 'Новое значение совпадает с текущим — исправлять нечего', 'unchanged');
}

async function addFormerLastName(tx: Tx, subjectId: number, lastName: string) {
  const former = await tx
    .select({ lastName: subjectFormerNames.lastName })
    .from(subjectFormerNames)
    .where(eq(subjectFormerNames.subjectId, subjectId));
  await writeSubjectContacts(tx, subjectId, { formerLastNames: [...former.map((f) => f.lastName), lastName] });
}

/**
 * Records a withdrawal (policy 3.6). Records that rest on this consent are not switched off here: stopping is an
 * action in the system that holds them, so the answer says which records and by when (30 days, art. 21 p. 5).
 */
export async function withdrawConsent(
  { db, actor, clock }: ServiceContext,
  input: z.output<typeof withdrawConsentInput>,
) {
  return db.transaction(async (tx) => {
    const [consent] = await tx
      .select({
        id: consents.id,
        subjectId: consents.subjectId,
        version: consents.version,
        withdrawnAt: consents.withdrawnAt,
      })
      .from(consents)
      .where(eq(consents.id, input.consentId))
      .for('update');
    if (!consent) throw new DomainError('NOT_FOUND', 'Согласие не найдено');
    if (consent.withdrawnAt) throw new DomainError('CONFLICT', 'Это согласие уже отозвано', 'already_withdrawn');
    if (consent.version !== input.version) throw staleVersion();
    await tx
      .update(consents)
      .set({
        withdrawnAt: clock.now().toISOString(),
        withdrawalChannel: input.channel,
        withdrawalReceivedOn: input.receivedOn,
        withdrawalNote: input.note ?? null,
        withdrawnById: actor.userId,
        version: consent.version + 1,
      })
      .where(eq(consents.id, consent.id));
    const dependent = await tx
      .select({ id: pdRecords.id })
      .from(pdRecords)
      .where(and(eq(pdRecords.consentId, consent.id), eq(pdRecords.state, 'active')));
    const stopBy = addDays(input.receivedOn, 30);
    await appendAudit(tx, actor, {
      action: 'subject.consent_withdraw',
      objectType: 'subject',
      objectId: consent.subjectId,
      changes: { [`consent ${consent.id}`]: { before: 'действует', after: 'отозвано' } },
      details: { consentId: consent.id, channel: input.channel, receivedOn: input.receivedOn, stopBy },
    });
    return { recordIds: dependent.map((r) => r.id), stopBy };
  });
}

export async function addRepresentative({ db, actor }: ServiceContext, input: z.output<typeof addRepresentativeInput>) {
  return db.transaction(async (tx) => {
    await assertSubjectExists(tx, input.subjectId);
    const [row] = await tx
      .insert(subjectRepresentatives)
      .values({
        subjectId: input.subjectId,
        kind: input.kind,
        fullName: input.fullName,
        contact: input.contact ?? null,
        authorityDocument: input.authorityDocument,
        validUntil: input.validUntil ?? null,
      })
      .returning({ id: subjectRepresentatives.id });
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'subject.representative_add',
      objectType: 'subject',
      objectId: input.subjectId,
      details: { representativeId: row.id, kind: input.kind },
    });
    return row;
  });
}

export async function revokeRepresentative({ db, actor, clock }: ServiceContext, representativeId: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(subjectRepresentatives)
      .set({ revokedAt: clock.now().toISOString() })
      .where(and(eq(subjectRepresentatives.id, representativeId), isNull(subjectRepresentatives.revokedAt)))
      .returning({ subjectId: subjectRepresentatives.subjectId });
    if (!row) throw new DomainError('NOT_FOUND', 'Представитель не найден или уже отозван');
    await appendAudit(tx, actor, {
      action: 'subject.representative_revoke',
      objectType: 'subject',
      objectId: row.subjectId,
      details: { representativeId },
    });
  });
}

/** A record found by hand (a paper card, an old spreadsheet): where the data is, why, and on what basis. */
export async function addRecord({ db, actor }: ServiceContext, input: z.output<typeof addRecordInput>) {
  return db.transaction(async (tx) => {
    await assertSubjectExists(tx, input.subjectId);
    const [system] = await tx
      .select({ active: processingSystems.active })
      .from(processingSystems)
      .where(eq(processingSystems.id, input.systemId));
    const [purpose] = await tx
      .select({ active: processingPurposes.active })
      .from(processingPurposes)
      .where(eq(processingPurposes.id, input.purposeId));
    if (!system?.active || !purpose?.active) {
      throw new DomainError('BAD_REQUEST', 'Выберите действующую систему и цель из справочника', 'catalogue');
    }
    const [row] = await tx
      .insert(pdRecords)
      .values({
        subjectId: input.subjectId,
        systemId: input.systemId,
        purposeId: input.purposeId,
        legalBasis: input.legalBasis,
        legalBasisNote: input.legalBasisNote ?? null,
        dataFields: input.dataFields,
        source: input.source ?? null,
        collectedOn: input.collectedOn,
        retainUntil: input.retainUntil ?? null,
      })
      .returning({ id: pdRecords.id });
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'subject.record_add',
      objectType: 'subject',
      objectId: input.subjectId,
      details: { recordId: row.id, systemId: input.systemId, purposeId: input.purposeId, legalBasis: input.legalBasis },
    });
    return row;
  });
}

async function assertSubjectExists(tx: Tx, subjectId: number) {
  const [row] = await tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.id, subjectId));
  if (!row) throw new DomainError('NOT_FOUND', 'Субъект не найден');
}
