import { addDays } from '@pd-desk/shared/calendar/iso-date';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type {
  addRecordInput,
  addRepresentativeInput,
  withdrawConsentInput,
} from '@pd-desk/shared/subjects/subject-records.schemas';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { assertNotBlocked } from '../blocks/block-queries';
import { refuseFutureDate } from '../calendar/past-dates';
import { staleVersion } from './edit.service';

/**
 * Records a withdrawal (policy 3.6). Records that rest on this consent are not switched off here: stopping is an
 * action in the system that holds them, so the answer says which records and by when (30 days, art. 21 p. 5).
 */
export async function withdrawConsent(
  { db, actor, clock }: ServiceContext,
  input: z.output<typeof withdrawConsentInput>,
) {
  refuseFutureDate(clock, 'withdrawal', input.receivedOn);
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
    if (!consent) throw new DomainError('NOT_FOUND', msg('consents.notFound'));
    if (consent.withdrawnAt) throw new DomainError('CONFLICT', msg('consents.alreadyWithdrawn'), 'already_withdrawn');
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
    if (!row) throw new DomainError('NOT_FOUND', msg('subjects.representativeNotFound'));
    await appendAudit(tx, actor, {
      action: 'subject.representative_revoke',
      objectType: 'subject',
      objectId: row.subjectId,
      details: { representativeId },
    });
  });
}

/** A record found by hand (a paper card, an old spreadsheet): where the data is, why, and on what basis. */
export async function addRecord({ db, actor, clock }: ServiceContext, input: z.output<typeof addRecordInput>) {
  refuseFutureDate(clock, 'collected', input.collectedOn);
  return db.transaction(async (tx) => {
    await assertSubjectExists(tx, input.subjectId);
    await assertNotBlocked(tx, input.subjectId, { field: 'subject' }, 'добавить запись');
    const [system] = await tx
      .select({ active: processingSystems.active })
      .from(processingSystems)
      .where(eq(processingSystems.id, input.systemId));
    const [purpose] = await tx
      .select({ active: processingPurposes.active })
      .from(processingPurposes)
      .where(eq(processingPurposes.id, input.purposeId));
    if (!system?.active || !purpose?.active) {
      throw new DomainError('BAD_REQUEST', msg('records.chooseCatalogue'), 'catalogue');
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
  if (!row) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
}
