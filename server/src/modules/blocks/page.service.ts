import { msg } from '@pd-desk/shared/messages/catalogue';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import { asc, eq } from 'drizzle-orm';
import { blockContacts, blocks } from '../../db/schema/blocks';
import { caseLetters } from '../../db/schema/cases';
import { processingPurposes } from '../../db/schema/subject-records';
import { subjectEmails, subjectPhones, subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { heldRecordRows } from './block-rows';
import { presentBlocks, selectBlocks } from './list.service';

/**
 * One block opened: the person and the blocked contacts in clear (opening is the audited view), the records it holds,
 * the subject's current contacts for the rectification form, and the case's letters (the notices).
 */
export async function getBlock({ db, actor, clock }: ServiceContext, id: number) {
  const [row] = await selectBlocks(db, eq(blocks.id, id));
  if (!row) throw new DomainError('NOT_FOUND', msg('blocks.notFound'));
  const [item] = await presentBlocks(db, [row], clock.today(), clock.timeZone);
  if (!item) throw new Error('a block row was presented as nothing');
  const [details] = await db
    .select({
      description: blocks.description,
      outcomeNote: blocks.outcomeNote,
      notBlockedReason: blocks.notBlockedReason,
      noHarmConfirmed: blocks.noHarmConfirmed,
      subjectVersion: subjects.version,
    })
    .from(blocks)
    .innerJoin(subjects, eq(subjects.id, blocks.subjectId))
    .where(eq(blocks.id, id));
  const [records, contacts, phones, emails, letters] = await Promise.all([
    heldRecordRows(db, id),
    db
      .select({ channel: blockContacts.channel, value: blockContacts.value, purpose: processingPurposes.name })
      .from(blockContacts)
      .leftJoin(processingPurposes, eq(processingPurposes.id, blockContacts.purposeId))
      .where(eq(blockContacts.blockId, id)),
    db
      .select({ id: subjectPhones.id, value: subjectPhones.digits })
      .from(subjectPhones)
      .where(eq(subjectPhones.subjectId, row.subjectId))
      .orderBy(asc(subjectPhones.id)),
    db
      .select({ id: subjectEmails.id, value: subjectEmails.raw })
      .from(subjectEmails)
      .where(eq(subjectEmails.subjectId, row.subjectId))
      .orderBy(asc(subjectEmails.id)),
    db
      .select({
        id: caseLetters.id,
        kind: caseLetters.kind,
        outgoingNumber: caseLetters.outgoingNumber,
        createdAt: caseLetters.createdAt,
        sentOn: caseLetters.sentOn,
      })
      .from(caseLetters)
      .where(eq(caseLetters.caseId, row.caseId))
      .orderBy(asc(caseLetters.id)),
  ]);
  if (!details) throw new DomainError('NOT_FOUND', msg('blocks.notFound'));
  await auditView(db, actor, {
    action: 'block.view',
    objectType: 'block',
    objectId: id,
    details: { subjectId: row.subjectId, caseId: row.caseId },
  });
  const show = (channel: string, value: string) => (channel === 'phone' ? formatPhoneForDisplay(value) : value);
  return {
    ...item,
    ...details,
    subjectName: [row.lastName, row.firstName, row.middleName].filter(Boolean).join(' '),
    records: records.map(({ systemCode: _s, purposeCode: _p, externalId: _e, ...r }) => ({
      ...r,
      blockedFields: r.blockedFields as PdField[] | null,
    })),
    contacts: contacts.map((c) => ({ channel: c.channel, value: show(c.channel, c.value), purpose: c.purpose })),
    subjectContacts: {
      phones: phones.map((p) => ({ id: p.id, value: formatPhoneForDisplay(p.value) })),
      emails,
    },
    letters: letters.map((l) => ({ ...l, createdAt: new Date(l.createdAt).toISOString() })),
  };
}
export type BlockPage = Awaited<ReturnType<typeof getBlock>>;
