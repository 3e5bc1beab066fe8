import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { CASE_TRANSITIONS, isOpenStatus } from '@pd-desk/shared/cases/case-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseAttachments, caseEvents, caseLetters, cases } from '../../db/schema/cases';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { getCalendar } from '../calendar/calendar.service';
import { workingDaysLeft } from './case-deadline';
import { linkedSubjects, maskedRequesterFields, revealableFields } from './case-reveal.service';

/**
 * The case page, people masked for every role (case-reveal.service.ts opens them). Opening it still
 * shows personal data — the summary, notes, file names — so the view is audited.
 */
export async function getCase({ db, actor, clock }: ServiceContext, id: number) {
  const assignee = alias(users, 'assignee');
  const [found] = await db
    .select({ row: cases, assigneeName: assignee.displayName })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(eq(cases.id, id));
  if (!found) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  const { row } = found;
  const calendar = await getCalendar(db);
  const today = clock.today();
  const rule = DEADLINE_RULES[row.rule];

  // The entry commits alongside the reads: off the critical path, still durable before the answer.
  const [linked, events, attachments, letters] = await Promise.all([
    linkedSubjects(db, id, true),
    db
      .select({
        id: caseEvents.id,
        at: caseEvents.at,
        kind: caseEvents.kind,
        text: caseEvents.text,
        details: caseEvents.details,
        actorName: users.displayName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.id)),
    db
      .select({
        id: caseAttachments.id,
        fileName: caseAttachments.fileName,
        mimeType: caseAttachments.mimeType,
        sizeBytes: caseAttachments.sizeBytes,
        description: caseAttachments.description,
        uploadedAt: caseAttachments.uploadedAt,
      })
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, id))
      .orderBy(asc(caseAttachments.id)),
    db
      .select({
        id: caseLetters.id,
        kind: caseLetters.kind,
        outgoingNumber: caseLetters.outgoingNumber,
        content: caseLetters.content,
        createdAt: caseLetters.createdAt,
        sentMethod: caseLetters.sentMethod,
        sentOn: caseLetters.sentOn,
        trackingNumber: caseLetters.trackingNumber,
        sentNote: caseLetters.sentNote,
      })
      .from(caseLetters)
      .where(eq(caseLetters.caseId, id))
      .orderBy(asc(caseLetters.id)),
    auditView(db, actor, { action: 'case.view', objectType: 'case', objectId: id }),
  ]);

  const open = isOpenStatus(row.status);
  return {
    id: row.id,
    version: row.version,
    incomingNumber: row.incomingNumber,
    type: row.type,
    rule: row.rule,
    ruleTitle: rule.titleRu,
    article: rule.article,
    channel: row.channel,
    requester: {
      kind: row.requesterKind,
      ...maskedRequesterFields(row),
      rknInquiryNumber: row.rknInquiryNumber,
    },
    summary: row.summary,
    receivedOn: row.receivedOn,
    registeredOn: row.registeredOn,
    dueOn: row.dueOn,
    dueProvisional: row.dueProvisional,
    dueOnDayOff: row.dueOnDayOff,
    workingDaysLeft: open ? workingDaysLeft(calendar, today, row.dueOn) : null,
    extended: row.extended,
    extensionReason: row.extensionReason,
    canExtend: open && rule.extendable && !row.extended,
    status: row.status,
    statusReason: row.statusReason,
    allowedTransitions: CASE_TRANSITIONS[row.status],
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, displayName: found.assigneeName ?? '' },
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    subjects: linked,
    revealable: revealableFields(actor, row),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    letters: letters.map(({ content, ...l }) => ({
      ...l,
      title: content.title,
      dateOn: content.dateOn,
      createdAt: l.createdAt.toISOString(),
    })),
  };
}
