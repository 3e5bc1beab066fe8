import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { yearOf } from '@pd-desk/shared/calendar/iso-date';
import type { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import type { CreateCaseInput, RequesterInput, UpdateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseSubjects, cases } from '../../db/schema/cases';
import type { ServiceContext } from '../../service-context';
import { diffFields } from '../audit/audit.service';
import { getCalendar } from '../calendar/calendar.service';
import { refuseFutureDate } from '../calendar/past-dates';
import { caseDeadline, deadlineColumns, ruleFor } from './case-deadline';
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
  const calendar = await getCalendar(db);
  return db.transaction((tx) => registerCase(tx, { actor, clock }, calendar, input));
}

/**
 * Registers a case inside the caller's transaction: the number, the clock, the links to subjects and the timeline
 * entry commit together with whatever the caller does next (a block takes effect in the same step).
 */
export async function registerCase(
  tx: Tx,
  { actor, clock }: Pick<ServiceContext, 'actor' | 'clock'>,
  calendar: ProductionCalendar,
  input: CreateCaseInput,
) {
  const today = clock.today();
  refuseFutureDate(clock, 'received', input.receivedOn);
  const rule = ruleFor(input.type, input.rule);
  const deadline = caseDeadline(calendar, { rule, receivedOn: input.receivedOn, extended: false });
  const subjectIds = [...new Set(input.subjectIds)];
  await assertSubjectsExist(tx, subjectIds);
  // Left out, the case is the registering officer's (issue 13, item 7); `null` is an explicit «nobody yet».
  const assigneeId =
    input.assigneeId === undefined && actor.role === 'officer' ? actor.userId : (input.assigneeId ?? null);
  await assertAssignable(tx, assigneeId);
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
    assigneeId,
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
  refuseFutureDate(clock, 'received', patch.receivedOn);
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input, 'изменить обращение');
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
    const row = await lockCase(tx, input, 'изменить список субъектов');
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

export async function addCaseNote({ db, actor }: ServiceContext, input: { id: number; text: string }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.id }, 'добавить заметку');
    await recordCaseEvent(tx, actor, row.id, { kind: 'note', text: input.text });
    return { id: row.id };
  });
}
