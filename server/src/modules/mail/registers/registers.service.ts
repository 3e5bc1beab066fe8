import type { RequesterKind } from '@pd-desk/shared/cases/case-model';
import type { MailRegister } from '@pd-desk/shared/mail/registers.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { eq } from 'drizzle-orm';
import { caseLetters, cases } from '../../../db/schema/cases';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { maskedRequester } from '../../cases/case-records';
import { actRows, incomingRows, outgoingRows } from './register-queries';

/** The addressee's first line is the name; the address under it stays out of the list. */
const firstLine = (text: string) => text.split('\n')[0]?.trim() ?? '';

/** Lists show people masked; `revealRow` opens one, audited. An authority's name is not personal data. */
export async function listIncoming(
  { db }: ServiceContext,
  input: Parameters<typeof incomingRows>[1] & { limit: number; offset: number },
) {
  const { rows, total } = await incomingRows(db, input, input);
  return {
    total,
    rows: rows.map(({ sender, senderAddress: _address, ...row }) => ({
      ...row,
      sender: maskedRequester(row.requesterKind, sender),
    })),
  };
}

export async function listOutgoing(
  { db }: ServiceContext,
  input: Parameters<typeof outgoingRows>[1] & { limit: number; offset: number },
) {
  const { rows, total } = await outgoingRows(db, input, input);
  return {
    total,
    rows: rows.map(({ addressee, ...row }) => ({
      ...row,
      addressee: maskedRequester(row.requesterKind as RequesterKind, firstLine(addressee)),
    })),
  };
}

export async function listActs(
  { db }: ServiceContext,
  input: Parameters<typeof actRows>[1] & { limit: number; offset: number },
) {
  const { rows, total } = await actRows(db, input, input);
  return {
    total,
    rows: rows.map(({ subject, entries, reason: _reason, ...row }) => ({
      ...row,
      subject: maskFullName(subject),
      systems: [...new Set(entries.map((e) => e.system))],
      categories: [...new Set(entries.flatMap((e) => e.categories))],
    })),
  };
}

async function incomingPerson(db: ServiceContext['db'], caseId: number) {
  const [row] = await db
    .select({
      caseId: cases.id,
      name: cases.requesterName,
      address: cases.requesterAddress,
      email: cases.requesterEmail,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row && { caseId: row.caseId, name: row.name, address: row.address ?? row.email };
}

async function outgoingPerson(db: ServiceContext['db'], letterId: number) {
  const [row] = await db
    .select({ caseId: caseLetters.caseId, content: caseLetters.content })
    .from(caseLetters)
    .where(eq(caseLetters.id, letterId));
  if (!row) return undefined;
  const [name = '', ...address] = row.content.addressee.split('\n');
  return { caseId: row.caseId, name, address: address.join(', ') || null };
}

/** Opens the sender of an incoming letter or the addressee of an outgoing one; the view is audited by id. */
export async function revealRegisterRow(
  { db, actor }: ServiceContext,
  input: { register: Exclude<MailRegister, 'acts'>; id: number },
) {
  const person =
    input.register === 'incoming' ? await incomingPerson(db, input.id) : await outgoingPerson(db, input.id);
  if (!person) throw new DomainError('NOT_FOUND', msg('registers.entryNotFound'));
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'mail.register_reveal',
      objectType: input.register === 'incoming' ? 'case' : 'case_letter',
      objectId: input.id,
      details: { register: input.register, caseId: person.caseId },
    }),
  );
  return { name: person.name, address: person.address };
}
