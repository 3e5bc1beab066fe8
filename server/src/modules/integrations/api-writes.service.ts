import type { CaseType } from '@pd-desk/shared/cases/case-model';
import type { ConsentInput, RecordInput, RequestInput } from '@pd-desk/shared/integrations/api.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { consents, pdRecords } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit, diffFields } from '../audit/audit.service';
import { refuseFutureDate, refuseFutureInstant } from '../calendar/past-dates';
import { createCase } from '../cases/cases.service';
import { matchOrCreateSubject } from './api-subjects';
import { purposeByCode, systemByCode } from './purposes';

/** What the API writes act as: the calling system, inside the caller's transaction. */
export type ApiWriteContext = ServiceContext & { tx: Tx; systemCode: string };

async function activePurpose(tx: Tx, code: string) {
  const purpose = await purposeByCode(tx, code);
  if (!purpose.active) {
    throw new DomainError('BAD_REQUEST', msg('integrations.inactivePurpose', { code }), 'inactive_purpose');
  }
  return purpose;
}

/** A consent from the website with the evidence 156-FZ asks for (form, exact text, policy version, time, IP). */
export async function registerConsent({ tx, actor, clock, systemCode }: ApiWriteContext, input: ConsentInput) {
  refuseFutureInstant(clock, 'consentGiven', new Date(input.givenAt));
  const purpose = await activePurpose(tx, input.purpose);
  const { subjectId, created } = await matchOrCreateSubject(tx, actor, input.person, `api:${systemCode}`);
  const [row] = await tx
    .insert(consents)
    .values({
      subjectId,
      purposeId: purpose.id,
      method: 'web_checkbox',
      form: input.form,
      checkboxText: input.checkboxText,
      policyVersion: input.policyVersion,
      givenAt: new Date(input.givenAt).toISOString(),
      ip: input.ip,
      userAgent: input.userAgent ?? null,
    })
    .returning({ id: consents.id });
  if (!row) throw new Error('consent insert returned nothing');
  await appendAudit(tx, actor, {
    action: 'subject.consent_add',
    objectType: 'subject',
    objectId: subjectId,
    details: { consentId: row.id, purposeId: purpose.id, system: systemCode, policyVersion: input.policyVersion },
  });
  return { consentId: row.id, subjectId, newSubject: created };
}

/** A web-form request becomes a case with its legal clock; its incoming number is the sender's receipt. */
export async function registerRequest(ctx: ApiWriteContext, input: RequestInput) {
  const { tx, clock } = ctx;
  const created = await createCase(
    { ...ctx, db: tx },
    {
      type: input.type as CaseType,
      channel: 'web_form',
      requester: {
        kind: 'subject',
        name: input.requester.name,
        email: input.requester.email,
        address: input.requester.address,
      },
      receivedOn: clock.today(),
      summary: input.summary,
      subjectIds: [],
    },
  );
  return {
    caseId: created.id,
    receiptNumber: created.incomingNumber,
    registeredOn: clock.today(),
    dueOn: created.dueOn,
  };
}

/**
 * What another system holds about whom: its record (by its own id) under a purpose and legal basis. Re-sending a
 * record updates it; a record that is blocked or no longer processed is refused, since only the resolution of its
 * case may change it.
 */
export async function upsertRecord(
  { tx, actor, clock, systemCode }: ApiWriteContext,
  externalId: string,
  input: RecordInput,
) {
  refuseFutureDate(clock, 'collected', input.collectedOn);
  const system = await systemByCode(tx, systemCode);
  const purpose = await activePurpose(tx, input.purpose);
  const [existing] = await tx
    .select()
    .from(pdRecords)
    .where(and(eq(pdRecords.systemId, system.id), eq(pdRecords.externalId, externalId)))
    .for('update');
  const fields = {
    purposeId: purpose.id,
    legalBasis: input.legalBasis,
    legalBasisNote: input.legalBasisNote ?? null,
    dataFields: [...new Set(input.fields)],
    retainUntil: input.retainUntil ?? null,
    source: input.source ?? existing?.source ?? `api:${systemCode}`,
  };
  if (existing) {
    if (existing.state !== 'active') {
      throw new DomainError(
        'CONFLICT',
        existing.state === 'blocked' ? msg('integrations.recordBlocked') : msg('integrations.recordStopped'),
        'record_not_active',
      );
    }
    const consentId = await consentInForce(tx, existing.subjectId, purpose.id, input.legalBasis);
    const changes = diffFields(existing, { ...fields, consentId });
    await tx
      .update(pdRecords)
      .set({ ...fields, consentId, version: existing.version + 1, updatedAt: new Date() })
      .where(eq(pdRecords.id, existing.id));
    await appendAudit(tx, actor, {
      action: 'subject.record_update',
      objectType: 'subject',
      objectId: existing.subjectId,
      changes,
      details: { recordId: existing.id, system: systemCode },
    });
    return { recordId: existing.id, subjectId: existing.subjectId, created: false };
  }
  const { subjectId } = await matchOrCreateSubject(tx, actor, input.person, `api:${systemCode}`);
  const consentId = await consentInForce(tx, subjectId, purpose.id, input.legalBasis);
  const [row] = await tx
    .insert(pdRecords)
    .values({
      ...fields,
      subjectId,
      systemId: system.id,
      externalId,
      consentId,
      collectedOn: input.collectedOn ?? clock.today(),
    })
    .returning({ id: pdRecords.id });
  if (!row) throw new Error('record insert returned nothing');
  await appendAudit(tx, actor, {
    action: 'subject.record_add',
    objectType: 'subject',
    objectId: subjectId,
    details: { recordId: row.id, systemId: system.id, purposeId: purpose.id, legalBasis: input.legalBasis },
  });
  return { recordId: row.id, subjectId, created: true };
}

/** A record on consent points at the newest consent for its purpose still in force. */
async function consentInForce(tx: Tx, subjectId: number, purposeId: number, basis: RecordInput['legalBasis']) {
  if (basis !== 'consent') return null;
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.subjectId, subjectId), eq(consents.purposeId, purposeId), isNull(consents.withdrawnAt)))
    .orderBy(desc(consents.givenAt))
    .limit(1);
  return row?.id ?? null;
}
