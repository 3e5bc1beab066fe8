import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { MailDocumentFormat } from '@pd-desk/shared/mail/documents.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema/audit';
import { caseLetters } from '../../../db/schema/cases';
import { subjects } from '../../../db/schema/subjects';
import { users } from '../../../db/schema/users';
import { destructionActs, withdrawalPlans } from '../../../db/schema/withdrawals';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { lockCase } from '../../cases/case-records';
import { defaultAddressee, insertLetter } from '../../cases/letters.service';
import { getSetting } from '../../settings/settings.service';
import { lockPlan, planLines } from '../plan/plan-records';
import { withdrawalAnswer } from './answer-letter';
import { actDocument } from './destruction-act';
import { letterDocument, type MailDocument } from './document-model';
import { renderDocumentDocx } from './render-docx';
import { renderDocumentPdf } from './render-pdf';

export const DOCUMENT_TYPES: Record<MailDocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function subjectFullName(db: Db, subjectId: number): Promise<string> {
  const [person] = await db
    .select({ lastName: subjects.lastName, firstName: subjects.firstName, middleName: subjects.middleName })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  return person ? [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ') : '';
}

/**
 * The answer to the subject, written from the carried-out plan, as a case letter: it takes the next outgoing
 * number (so it lands in the outgoing register) and its text is frozen with the letterhead of the day.
 */
export async function createWithdrawalAnswer({ db, actor, clock }: ServiceContext, planId: number) {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (plan.status !== 'done') {
      throw new DomainError('PRECONDITION_FAILED', msg('documents.planNotDone'), 'plan_not_done');
    }
    if (plan.answerLetterId) throw new DomainError('CONFLICT', msg('documents.answerExists'), 'answer_exists');
    const row = await lockCase(tx, { id: plan.caseId }, 'подготовить ответ');
    const acts = await tx
      .select({ number: destructionActs.number, destroyedOn: destructionActs.destroyedOn })
      .from(destructionActs)
      .where(eq(destructionActs.planId, plan.id))
      .orderBy(asc(destructionActs.id));
    const draft = withdrawalAnswer({
      subjectName: await subjectFullName(tx, plan.subjectId),
      incomingNumber: row.incomingNumber,
      receivedOn: row.receivedOn,
      lines: await planLines(tx, plan.id),
      acts,
    });
    const letter = await insertLetter(
      tx,
      actor,
      row,
      { kind: 'answer', ...draft, addressee: defaultAddressee(row) },
      clock,
    );
    await tx
      .update(withdrawalPlans)
      .set({ answerLetterId: letter.id, version: plan.version + 1 })
      .where(eq(withdrawalPlans.id, plan.id));
    return { letterId: letter.id, outgoingNumber: letter.outgoingNumber };
  });
}

async function render(model: MailDocument, format: MailDocumentFormat): Promise<Buffer> {
  return format === 'pdf' ? renderDocumentPdf(model) : renderDocumentDocx(model);
}

/** Any case letter as PDF or DOCX, from its frozen content; each download is audited. */
export async function letterFile({ db, actor }: ServiceContext, letterId: number, format: MailDocumentFormat) {
  const [letter] = await db
    .select({ caseId: caseLetters.caseId, outgoingNumber: caseLetters.outgoingNumber, content: caseLetters.content })
    .from(caseLetters)
    .where(eq(caseLetters.id, letterId));
  if (!letter) throw new DomainError('NOT_FOUND', msg('letters.notFound'));
  const body = await render(letterDocument(letter.content, letter.outgoingNumber), format);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'letter.download',
      objectType: 'case_letter',
      objectId: letterId,
      details: { caseId: letter.caseId, outgoingNumber: letter.outgoingNumber, format },
    }),
  );
  return { body, type: DOCUMENT_TYPES[format], name: `${letter.outgoingNumber}.${format}` };
}

/** «01.12.2026 14:26» in the operator's zone. */
function localDateTime(at: string, timeZone: string): string {
  const local = formatInstant(new Date(at), timeZone);
  return `${ruDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** The act as a model: the destruction's own audit entries are its event-log extract. */
export async function actModel(db: Db, actId: number, timeZone: string): Promise<MailDocument> {
  const [act] = await db.select().from(destructionActs).where(eq(destructionActs.id, actId));
  if (!act) throw new DomainError('NOT_FOUND', msg('documents.actNotFound'));
  const [destroyer] = act.destroyedById
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, act.destroyedById))
    : [];
  const entries = await db
    .select({ at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'mail.record_destroyed'), sql`${auditLog.details}->>'actId' = ${String(act.id)}`))
    .orderBy(asc(auditLog.seq));
  return actDocument({
    act,
    letterhead: await getSetting(db, 'letterhead'),
    subjectName: await subjectFullName(db, act.subjectId),
    destroyedBy: destroyer?.name ?? 'система',
    extract: entries.map((e) => ({
      at: localDateTime(e.at, timeZone),
      system: String(e.details?.system ?? ''),
      categories: Array.isArray(e.details?.categories) ? (e.details.categories as string[]) : [],
    })),
  });
}

export async function actFile({ db, actor, clock }: ServiceContext, actId: number, format: MailDocumentFormat) {
  const model = await actModel(db, actId, clock.timeZone);
  const body = await render(model, format);
  const [act] = await db
    .select({ number: destructionActs.number, caseId: destructionActs.caseId })
    .from(destructionActs)
    .where(eq(destructionActs.id, actId));
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'mail.destruction_act_download',
      objectType: 'destruction_act',
      objectId: actId,
      details: { caseId: act?.caseId, number: act?.number, format },
    }),
  );
  return { body, type: DOCUMENT_TYPES[format], name: `${act?.number ?? actId}.${format}` };
}
