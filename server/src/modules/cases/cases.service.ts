import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { addDays, yearOf } from '@pd-desk/shared/calendar/iso-date';
import {
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  type CaseStatus,
  isOpenStatus,
  transitionNeedsReason,
} from '@pd-desk/shared/cases/case-model';
import type {
  CreateCaseInput,
  ExtendCaseInput,
  RequesterInput,
  TransitionCaseInput,
  UpdateCaseInput,
} from '@pd-desk/shared/cases/cases.schemas';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { caseAttachments, caseEvents, caseLetters, caseSubjects, cases } from '../../db/schema/cases';
import { subjects } from '../../db/schema/subjects';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit, diffFields } from '../audit/audit.service';
import { getCalendar } from '../calendar/calendar.service';
import { caseDeadline, deadlineColumns, ruleFor, workingDaysLeft } from './case-deadline';
import { takeRegistrationNumber } from './case-numbering';
import {
  assertAssignable,
  assertOpen,
  assertSubjectsExist,
  type CaseRow,
  lockCase,
  maskedRequester,
  recordCaseEvent,
  saveCase,
} from './case-records';
import { extensionNoticeDraft } from './letter-templates';
import { defaultAddressee, insertLetter } from './letters.service';

function requesterColumns(requester: RequesterInput) {
  return {
    requesterKind: requester.kind,
    requesterName: requester.name,
    requesterAddress: requester.address || null,
    requesterEmail: requester.email || null,
    authorityDocument: requester.kind === 'representative' ? requester.authorityDocument || null : null,
    rknInquiryNumber: requester.kind === 'rkn' ? requester.rknInquiryNumber || null : null,
  };
}

/**
 * Letters can be registered ahead of their date (a scheduled RKN inquiry, a test run), but a year or
 * more ahead is a typo in the year, not a plan.
 */
function assertPlausibleReceipt(receivedOn: string, today: string): void {
  if (receivedOn > addDays(today, 366)) {
    throw new DomainError(
      'BAD_REQUEST',
      `Дата получения ${receivedOn} больше чем на год впереди — проверьте год`,
      'received_too_late',
    );
  }
}

export async function previewDeadline(
  { db }: ServiceContext,
  input: { type: CreateCaseInput['type']; rule?: CreateCaseInput['rule']; receivedOn: string; extended: boolean },
) {
  const rule = ruleFor(input.type, input.rule);
  const deadline = caseDeadline(await getCalendar(db), {
    rule,
    receivedOn: input.receivedOn,
    extended: input.extended,
  });
  return { ...deadline, ruleTitle: DEADLINE_RULES[rule].titleRu, article: DEADLINE_RULES[rule].article };
}

export async function createCase({ db, actor, clock }: ServiceContext, input: CreateCaseInput) {
  const today = clock.today();
  assertPlausibleReceipt(input.receivedOn, today);
  const rule = ruleFor(input.type, input.rule);
  const deadline = caseDeadline(await getCalendar(db), { rule, receivedOn: input.receivedOn, extended: false });
  const subjectIds = [...new Set(input.subjectIds)];
  return db.transaction(async (tx) => {
    await assertSubjectsExist(tx, subjectIds);
    await assertAssignable(tx, input.assigneeId);
    const incomingNumber = await takeRegistrationNumber(tx, 'incoming', yearOf(today));
    const values = {
      incomingNumber,
      type: input.type,
      rule,
      channel: input.channel,
      ...requesterColumns(input.requester),
      summary: input.summary || null,
      receivedOn: input.receivedOn,
      registeredOn: today,
      ...deadlineColumns(deadline),
      assigneeId: input.assigneeId ?? null,
      createdById: actor.userId,
    };
    const [created] = await tx.insert(cases).values(values).returning({ id: cases.id, version: cases.version });
    if (!created) throw new Error('case insert returned nothing');
    if (subjectIds.length > 0) {
      await tx.insert(caseSubjects).values(subjectIds.map((subjectId) => ({ caseId: created.id, subjectId })));
    }
    await recordCaseEvent(tx, actor, created.id, {
      kind: 'created',
      text: `Зарегистрировано, вх. № ${incomingNumber}`,
      changes: diffFields({}, { ...values, subjectIds }),
    });
    return {
      id: created.id,
      version: created.version,
      incomingNumber,
      dueOn: deadline.dueOn,
      dueProvisional: deadline.provisional,
      dueOnDayOff: deadline.landsOnNonWorkingDay,
    };
  });
}

/** The case page. Opening it shows personal data, so the view is audited. */
export async function getCase({ db, actor, clock }: ServiceContext, id: number) {
  const assignee = alias(users, 'assignee');
  const [found] = await db
    .select({ row: cases, assigneeName: assignee.displayName })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(eq(cases.id, id));
  if (!found) throw new DomainError('NOT_FOUND', 'Обращение не найдено');
  const { row } = found;
  const calendar = await getCalendar(db);
  const today = clock.today();
  const rule = DEADLINE_RULES[row.rule];

  const [linked, events, attachments, letters] = await Promise.all([
    db
      .select({
        id: subjects.id,
        lastName: subjects.lastName,
        firstName: subjects.firstName,
        middleName: subjects.middleName,
        birthDate: subjects.birthDate,
      })
      .from(caseSubjects)
      .innerJoin(subjects, eq(subjects.id, caseSubjects.subjectId))
      .where(eq(caseSubjects.caseId, id))
      .orderBy(asc(subjects.lastName)),
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
  ]);
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'case.view', objectType: 'case', objectId: id }));

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
      name: row.requesterName,
      address: row.requesterAddress,
      email: row.requesterEmail,
      authorityDocument: row.authorityDocument,
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

/** The journal of requests (журнал учёта обращений) by registration order, newest first. */
export async function listCases(
  { db }: ServiceContext,
  input: { year?: number | undefined; limit: number; offset: number },
) {
  const where =
    input.year === undefined
      ? undefined
      : and(
          sql`${cases.registeredOn} >= ${`${input.year}-01-01`}`,
          sql`${cases.registeredOn} <= ${`${input.year}-12-31`}`,
        );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cases.id,
        incomingNumber: cases.incomingNumber,
        registeredOn: cases.registeredOn,
        receivedOn: cases.receivedOn,
        type: cases.type,
        channel: cases.channel,
        requesterKind: cases.requesterKind,
        requesterName: cases.requesterName,
        status: cases.status,
        dueOn: cases.dueOn,
        version: cases.version,
      })
      .from(cases)
      .where(where)
      .orderBy(desc(cases.registeredOn), desc(cases.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return {
    items: rows.map(({ requesterName, ...row }) => ({
      ...row,
      requester: maskedRequester(row.requesterKind, requesterName),
    })),
    total: total?.n ?? 0,
  };
}

export async function updateCase({ db, actor, clock }: ServiceContext, input: UpdateCaseInput) {
  const { patch } = input;
  if (patch.receivedOn) assertPlausibleReceipt(patch.receivedOn, clock.today());
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input);
    assertOpen(row, 'изменить обращение');
    const type = patch.type ?? row.type;
    const rule = patch.type || patch.rule ? ruleFor(type, patch.rule) : row.rule;
    const receivedOn = patch.receivedOn ?? row.receivedOn;
    const next: Partial<CaseRow> = {
      type,
      rule,
      channel: patch.channel ?? row.channel,
      receivedOn,
      summary: patch.summary === undefined ? row.summary : patch.summary || null,
      ...(patch.requester ? requesterColumns(patch.requester) : {}),
      ...deadlineColumns(caseDeadline(calendar, { rule, receivedOn, extended: row.extended })),
    };
    const changes = diffFields(row, next);
    if (Object.keys(changes).length === 0) return { id: row.id, version: row.version };
    const saved = await saveCase(tx, row, next);
    await recordCaseEvent(tx, actor, row.id, { kind: 'updated', changes });
    return { id: saved.id, version: saved.version };
  });
}

export async function setCaseSubjects(
  { db, actor }: ServiceContext,
  input: { id: number; version: number; subjectIds: number[] },
) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input);
    const wanted = [...new Set(input.subjectIds)];
    await assertSubjectsExist(tx, wanted);
    const current = (
      await tx.select({ id: caseSubjects.subjectId }).from(caseSubjects).where(eq(caseSubjects.caseId, row.id))
    ).map((r) => r.id);
    await tx.delete(caseSubjects).where(eq(caseSubjects.caseId, row.id));
    if (wanted.length > 0)
      await tx.insert(caseSubjects).values(wanted.map((subjectId) => ({ caseId: row.id, subjectId })));
    const saved = await saveCase(tx, row, {});
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'subjects_linked',
      changes: { subjectIds: { before: current.sort((a, b) => a - b), after: wanted.sort((a, b) => a - b) } },
    });
    return { id: row.id, version: saved.version };
  });
}

export async function assignCase(
  { db, actor }: ServiceContext,
  input: { id: number; version: number; assigneeId: number | null },
) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input);
    return assignLocked(tx, actor, row, input.assigneeId);
  });
}

export async function assignLocked(tx: Tx, actor: Actor, row: CaseRow, assigneeId: number | null) {
  assertOpen(row, 'назначить исполнителя');
  await assertAssignable(tx, assigneeId);
  const saved = await saveCase(tx, row, { assigneeId });
  await recordCaseEvent(tx, actor, row.id, {
    kind: 'assigned',
    changes: { assigneeId: { before: row.assigneeId, after: assigneeId } },
  });
  return { id: row.id, version: saved.version };
}

export async function transitionCase({ db, actor, clock }: ServiceContext, input: TransitionCaseInput) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input);
    return transitionLocked(tx, { actor, clock }, row, input.to, input.reason);
  });
}

/** Inside the caller's transaction (`tx`), on a row it has locked. */
export async function transitionLocked(
  tx: Tx,
  { actor, clock }: Omit<ServiceContext, 'db'>,
  row: CaseRow,
  to: CaseStatus,
  reason: string | undefined,
) {
  const from = row.status;
  const label = (s: CaseStatus) => `«${CASE_STATUS_LABELS[s].ru}»`;
  if (!CASE_TRANSITIONS[from].includes(to)) {
    const allowed = CASE_TRANSITIONS[from];
    throw new DomainError(
      'BAD_REQUEST',
      `Обращение ${row.incomingNumber} нельзя перевести из статуса ${label(from)} в ${label(to)}. ` +
        (allowed.length ? `Возможно: ${allowed.map(label).join(', ')}.` : 'Статус окончательный.'),
      'illegal_transition',
    );
  }
  if (transitionNeedsReason(from, to) && !reason) {
    throw new DomainError('BAD_REQUEST', `Для перевода в статус ${label(to)} укажите причину`, 'reason_required');
  }
  if (to === 'answered') {
    const [sent] = await tx
      .select({ id: caseLetters.id })
      .from(caseLetters)
      .where(and(eq(caseLetters.caseId, row.id), eq(caseLetters.kind, 'answer'), isNotNull(caseLetters.sentOn)))
      .limit(1);
    if (!sent) {
      throw new DomainError(
        'BAD_REQUEST',
        'Статус «Ответ направлен» ставится после отправки ответа: подготовьте ответное письмо и отметьте, как оно отправлено',
        'answer_not_sent',
      );
    }
  }
  const now = clock.now();
  const saved = await saveCase(tx, row, {
    status: to,
    statusReason: reason || (to === 'closed' && from === 'answered' ? null : row.statusReason),
    answeredAt: to === 'answered' ? now : row.answeredAt,
    closedAt: to === 'closed' || to === 'rejected' ? now : row.closedAt,
  });
  await recordCaseEvent(tx, actor, row.id, {
    kind: 'status_changed',
    text: reason ?? null,
    changes: { status: { before: from, after: to } },
  });
  return { id: row.id, version: saved.version, status: to };
}

/** What the motivated notice will say, with the new due date, before anything is recorded. */
export async function extensionDraft({ db }: ServiceContext, input: { id: number; reason: string }) {
  const [row] = await db.select().from(cases).where(eq(cases.id, input.id));
  if (!row) throw new DomainError('NOT_FOUND', 'Обращение не найдено');
  const deadline = caseDeadline(await getCalendar(db), { rule: row.rule, receivedOn: row.receivedOn, extended: true });
  return {
    newDueOn: deadline.dueOn,
    provisional: deadline.provisional,
    addressee: defaultAddressee(row),
    ...extensionNoticeDraft(row, input.reason, row.dueOn, deadline.dueOn),
  };
}

/**
 * +5 working days, only where the law allows, only once, and only together with the motivated
 * notice to the requester: the notice gets an outgoing number in the same transaction.
 */
export async function extendCase({ db, actor, clock }: ServiceContext, input: ExtendCaseInput) {
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input);
    assertOpen(row, 'продлить срок');
    if (row.extended) {
      throw new DomainError(
        'BAD_REQUEST',
        `Срок по обращению ${row.incomingNumber} уже продлевался: закон допускает одно продление на 5 рабочих дней`,
        'already_extended',
      );
    }
    const deadline = caseDeadline(calendar, { rule: row.rule, receivedOn: row.receivedOn, extended: true });
    const draft = extensionNoticeDraft(row, input.reason, row.dueOn, deadline.dueOn);
    const letter = await insertLetter(
      tx,
      actor,
      row,
      {
        kind: 'extension_notice',
        title: draft.title,
        body: input.body || draft.body,
        addressee: defaultAddressee(row),
      },
      clock,
    );
    const saved = await saveCase(tx, row, {
      extended: true,
      extensionReason: input.reason,
      ...deadlineColumns(deadline),
    });
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'extended',
      text: input.reason,
      details: { letterId: letter.id, outgoingNumber: letter.outgoingNumber },
      changes: { dueOn: { before: row.dueOn, after: deadline.dueOn } },
    });
    return {
      id: row.id,
      version: saved.version,
      dueOn: deadline.dueOn,
      dueProvisional: deadline.provisional,
      letterId: letter.id,
      outgoingNumber: letter.outgoingNumber,
    };
  });
}

export async function addCaseNote({ db, actor }: ServiceContext, input: { id: number; text: string }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.id });
    await recordCaseEvent(tx, actor, row.id, { kind: 'note', text: input.text });
    return { id: row.id };
  });
}
