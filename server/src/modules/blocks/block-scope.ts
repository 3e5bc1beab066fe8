import { type ContactChannel, contactChannelOf } from '@pd-desk/shared/blocks/block-model';
import type { BlockScopeInput } from '@pd-desk/shared/blocks/blocks.schemas';
import { type MessageRef, msg } from '@pd-desk/shared/messages/catalogue';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { blockTargets } from '../../db/schema/blocks';
import { pdRecords } from '../../db/schema/subject-records';
import { subjectEmails, subjectPhones } from '../../db/schema/subjects';
import { DomainError } from '../../errors';

/** Records a block may take: those still in use (stopped, destroyed and anonymised data is out of use already). */
const BLOCKABLE_STATES = ['active', 'blocked'] as const;

type RecordRow = { id: number; systemId: number; purposeId: number; dataFields: PdField[]; state: string };
export type ResolvedScope = {
  targets: Omit<typeof blockTargets.$inferInsert, 'blockId'>[];
  /** fields null = the whole record. */
  records: Map<number, PdField[] | null>;
  contacts: { channel: ContactChannel; value: string; purposeId: number | null }[];
  wholeSubject: boolean;
};

/**
 * Turns the officer's choice into what the block holds: the records (whole or by field) and the contacts taken out
 * of use per purpose. Every id must belong to the subject; a field must be one the record holds.
 */
export async function resolveScope(tx: Tx, subjectId: number, scope: BlockScopeInput): Promise<ResolvedScope> {
  const all: RecordRow[] = await tx
    .select({
      id: pdRecords.id,
      systemId: pdRecords.systemId,
      purposeId: pdRecords.purposeId,
      dataFields: pdRecords.dataFields,
      state: pdRecords.state,
    })
    .from(pdRecords)
    .where(and(eq(pdRecords.subjectId, subjectId), inArray(pdRecords.state, [...BLOCKABLE_STATES])))
    .orderBy(asc(pdRecords.id));
  const phones = await tx
    .select({ id: subjectPhones.id, value: subjectPhones.digits })
    .from(subjectPhones)
    .where(eq(subjectPhones.subjectId, subjectId));
  const emails = await tx
    .select({ id: subjectEmails.id, value: subjectEmails.normalised })
    .from(subjectEmails)
    .where(eq(subjectEmails.subjectId, subjectId));
  const contactsOf = { phone: phones, email: emails } as const;

  const resolved: ResolvedScope = { targets: [], records: new Map(), contacts: [], wholeSubject: scope.wholeSubject };
  const addWhole = (records: RecordRow[]) => {
    for (const r of records) resolved.records.set(r.id, null);
    for (const purposeId of new Set(records.map((r) => r.purposeId))) addAllContacts(resolved, contactsOf, purposeId);
  };

  if (scope.wholeSubject) {
    resolved.targets.push({ kind: 'subject' });
    addWhole(all);
    addAllContacts(resolved, contactsOf, null);
  }
  for (const systemId of new Set(scope.systemIds)) {
    const inSystem = all.filter((r) => r.systemId === systemId);
    if (inSystem.length === 0) throw outOfScope(msg('blocks.noRecordsInSystem'));
    resolved.targets.push({ kind: 'system', systemId });
    addWhole(inSystem);
  }
  for (const purposeId of new Set(scope.purposeIds)) {
    resolved.targets.push({ kind: 'purpose', purposeId });
    addWhole(all.filter((r) => r.purposeId === purposeId));
    addAllContacts(resolved, contactsOf, purposeId);
  }
  for (const recordId of new Set(scope.recordIds)) {
    const record = findRecord(all, recordId);
    resolved.targets.push({ kind: 'record', recordId, systemId: record.systemId, purposeId: record.purposeId });
    addWhole([record]);
  }
  for (const target of scope.fields) {
    const record = findRecord(all, target.recordId);
    if (!record.dataFields.includes(target.field)) {
      throw outOfScope(msg('blocks.noSuchField'));
    }
    const channel = contactChannelOf(target.field);
    const chosen = channel && target.contactId ? contactsOf[channel].find((c) => c.id === target.contactId) : null;
    if (channel && target.contactId && !chosen) throw outOfScope(msg('subjects.contactGone'));
    resolved.targets.push({
      kind: 'field',
      recordId: record.id,
      systemId: record.systemId,
      purposeId: record.purposeId,
      field: target.field,
      contactValue: chosen?.value ?? null,
    });
    const before = resolved.records.get(record.id);
    // A whole record already blocked stays whole; otherwise the fields add up.
    if (before !== null) resolved.records.set(record.id, [...new Set([...(before ?? []), target.field])]);
    if (channel) {
      for (const c of chosen ? [chosen] : contactsOf[channel]) {
        resolved.contacts.push({ channel, value: c.value, purposeId: record.purposeId });
      }
    }
  }
  resolved.contacts = dedupe(resolved.contacts);
  return resolved;
}

function addAllContacts(
  resolved: ResolvedScope,
  contactsOf: Record<ContactChannel, { value: string }[]>,
  purposeId: number | null,
) {
  for (const channel of ['phone', 'email'] as const) {
    for (const c of contactsOf[channel]) resolved.contacts.push({ channel, value: c.value, purposeId });
  }
}

function dedupe(contacts: ResolvedScope['contacts']) {
  const seen = new Map<string, ResolvedScope['contacts'][number]>();
  for (const c of contacts) seen.set(`${c.channel}|${c.value}|${c.purposeId ?? '*'}`, c);
  return [...seen.values()];
}

function findRecord(all: RecordRow[], recordId: number): RecordRow {
  const record = all.find((r) => r.id === recordId);
  if (!record) throw outOfScope(msg('blocks.recordNotOfSubject'));
  return record;
}

function outOfScope(message: MessageRef) {
  return new DomainError('BAD_REQUEST', message, 'block_scope');
}
