import type { IntegrationEventPayload, IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { blockContacts, blockTargets } from '../../db/schema/blocks';
import { processingPurposes } from '../../db/schema/subject-records';
import { emitIntegrationEvent } from '../integrations/outbox';
import { heldRecordRows } from './block-rows';

/**
 * What the other systems are told about a block, built from the rows the block holds, inside the transaction that
 * changes it: the event commits or rolls back with the change (modules/integrations/outbox.ts).
 */
export async function blockEventPayload(
  tx: Tx,
  block: { id: number; subjectId: number; caseNumber: string },
): Promise<IntegrationEventPayload> {
  const records = (await heldRecordRows(tx, block.id)).map((r) => ({
    system: r.systemCode,
    externalId: r.externalId,
    purpose: r.purposeCode,
    fields: r.blockedFields,
  }));
  const contacts = await tx
    .select({ channel: blockContacts.channel, value: blockContacts.value, purpose: processingPurposes.code })
    .from(blockContacts)
    .leftJoin(processingPurposes, eq(processingPurposes.id, blockContacts.purposeId))
    .where(eq(blockContacts.blockId, block.id));
  const [whole] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(blockTargets)
    .where(sql`${blockTargets.blockId} = ${block.id} and ${blockTargets.kind} = 'subject'`);
  const wholeSubject = (whole?.n ?? 0) > 0;
  const purposes = wholeSubject
    ? (
        await tx
          .select({ code: processingPurposes.code })
          .from(processingPurposes)
          .orderBy(asc(processingPurposes.code))
      ).map((p) => p.code)
    : [
        ...new Set([...records.map((r) => r.purpose), ...contacts.flatMap((c) => (c.purpose ? [c.purpose] : []))]),
      ].sort();
  // Fields narrow the event only when every record is blocked by field (e.g. only the booking record's phone).
  const fieldLevel = !wholeSubject && records.length > 0 && records.every((r) => r.fields !== null);
  const fields: PdField[] | null = fieldLevel ? [...new Set(records.flatMap((r) => r.fields ?? []))].sort() : null;
  const distinct = (channel: 'phone' | 'email') =>
    [...new Set(contacts.filter((c) => c.channel === channel).map((c) => c.value))].sort();
  return {
    subjectId: block.subjectId,
    caseNumber: block.caseNumber,
    records: records.map(({ system, externalId, purpose }) => ({ system, externalId, purpose })),
    purposes,
    fields,
    contacts: { phones: distinct('phone'), emails: distinct('email') },
  };
}

export async function emitBlockEvent(
  tx: Tx,
  type: IntegrationEventType,
  block: { id: number; subjectId: number; caseNumber: string },
) {
  return emitIntegrationEvent(tx, type, await blockEventPayload(tx, block));
}
