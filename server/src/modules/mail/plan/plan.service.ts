import { CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import type { CreatePlanInput, SetPlanLineInput } from '@pd-desk/shared/mail/plan.schemas';
import { actionRefusal, PLAN_ACTION_LABELS, proposeAction } from '@pd-desk/shared/mail/withdrawal-plan';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { and, eq, inArray } from 'drizzle-orm';
import { caseLetters, cases } from '../../../db/schema/cases';
import { pdRecords, processingPurposes } from '../../../db/schema/subject-records';
import { subjects } from '../../../db/schema/subjects';
import { destructionActs, withdrawalPlanLines, withdrawalPlans } from '../../../db/schema/withdrawals';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { getCalendar } from '../../calendar/calendar.service';
import { caseDeadline, deadlineColumns } from '../../cases/case-deadline';
import { assertOpen, lockCase, recordCaseEvent } from '../../cases/case-records';
import { basisText, letterScope, lockPlan, planLines, withdrawalSubject, workBy } from './plan-records';

/** The plan page: the case, the subject (masked), every line with its record, the clock, documents made. */
export async function getPlan({ db, actor, clock }: ServiceContext, caseId: number) {
  const [row] = await db
    .select({
      id: cases.id,
      incomingNumber: cases.incomingNumber,
      type: cases.type,
      status: cases.status,
      receivedOn: cases.receivedOn,
      version: cases.version,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  const [plan] = await db.select().from(withdrawalPlans).where(eq(withdrawalPlans.caseId, caseId));
  // What the letter withdraws (from the intake), for the scope the plan is drafted with.
  const base = {
    case: { ...row, typeLabel: CASE_TYPE_LABELS[row.type].ru },
    letterScope: await letterScope(db, caseId),
  };
  if (!plan) return { ...base, plan: null };
  const [person] = await db
    .select({ lastName: subjects.lastName, firstName: subjects.firstName, middleName: subjects.middleName })
    .from(subjects)
    .where(eq(subjects.id, plan.subjectId));
  const lines = await planLines(db, plan.id);
  const acts = await db
    .select({ id: destructionActs.id, number: destructionActs.number, destroyedOn: destructionActs.destroyedOn })
    .from(destructionActs)
    .where(eq(destructionActs.planId, plan.id));
  const [answer] = plan.answerLetterId
    ? await db
        .select({
          id: caseLetters.id,
          outgoingNumber: caseLetters.outgoingNumber,
          sentOn: caseLetters.sentOn,
          sentMethod: caseLetters.sentMethod,
          trackingNumber: caseLetters.trackingNumber,
        })
        .from(caseLetters)
        .where(eq(caseLetters.id, plan.answerLetterId))
    : [];
  const calendar = await getCalendar(db);
  // Which records a person has, and why, is personal data: the view is audited (ids only).
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'mail.plan_view',
      objectType: 'withdrawal_plan',
      objectId: plan.id,
      details: { caseId, subjectId: plan.subjectId },
    }),
  );
  return {
    ...base,
    plan: {
      ...plan,
      subjectName: person
        ? maskFullName([person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '))
        : '',
      workBy: workBy(calendar, plan.dueOn),
      today: clock.today(),
      lines,
      acts,
      answer: answer ?? null,
    },
  };
}

/**
 * Proposes an action for every record of the subject. A draft can be made again (the scope read from the letter
 * was corrected); a confirmed plan is the officer's decision and stays.
 */
export async function createPlan({ db, actor }: ServiceContext, input: CreatePlanInput) {
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.caseId }, 'составить план действий');
    if (row.type !== 'consent_withdrawal') {
      throw new DomainError('BAD_REQUEST', msg('plans.notWithdrawal'), 'not_withdrawal');
    }
    assertOpen(row, 'составить план действий');
    const subjectId = await withdrawalSubject(tx, row.id);
    const [existing] = await tx.select().from(withdrawalPlans).where(eq(withdrawalPlans.caseId, row.id)).for('update');
    if (existing && existing.status !== 'draft') {
      throw new DomainError('CONFLICT', msg('plans.confirmedEditLines'), 'plan_confirmed');
    }
    if (existing) await tx.delete(withdrawalPlans).where(eq(withdrawalPlans.id, existing.id));
    // The officer's choice wins; without one, the scope the registrar entered from the letter (all, or the listed).
    const scope = input.purposeIds
      ? [...new Set(input.purposeIds)]
      : input.allPurposes
        ? null
        : await letterScope(tx, row.id);
    if (scope) {
      const known = await tx
        .select({ id: processingPurposes.id })
        .from(processingPurposes)
        .where(inArray(processingPurposes.id, scope));
      if (known.length !== scope.length) throw new DomainError('BAD_REQUEST', msg('plans.unknownPurpose'), 'purpose');
    }
    const deadline = deadlineColumns(
      caseDeadline(calendar, { rule: 'withdrawal', receivedOn: row.receivedOn, extended: false }),
    );
    const [plan] = await tx
      .insert(withdrawalPlans)
      .values({
        caseId: row.id,
        subjectId,
        scopePurposeIds: scope,
        dueOn: deadline.dueOn,
        dueOnDayOff: deadline.dueOnDayOff,
        createdById: actor.userId,
      })
      .returning({ id: withdrawalPlans.id });
    if (!plan) throw new Error('plan insert returned nothing');
    const records = await tx
      .select({
        id: pdRecords.id,
        state: pdRecords.state,
        legalBasis: pdRecords.legalBasis,
        purposeId: pdRecords.purposeId,
        purposeDefaultBasis: processingPurposes.defaultLegalBasis,
        source: processingPurposes.source,
        retention: processingPurposes.retention,
      })
      .from(pdRecords)
      .innerJoin(processingPurposes, eq(processingPurposes.id, pdRecords.purposeId))
      .where(eq(pdRecords.subjectId, subjectId))
      .orderBy(pdRecords.id);
    if (records.length > 0) {
      await tx.insert(withdrawalPlanLines).values(
        records.map((record) => {
          const action = proposeAction(record, scope);
          return { planId: plan.id, recordId: record.id, proposedAction: action, action, basisText: basisText(record) };
        }),
      );
    }
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'withdrawal_plan_created',
      text: `План действий: ${records.length} записей, срок ${deadline.dueOn}`,
      details: { planId: plan.id, subjectId, scopePurposeIds: scope, records: records.length },
    });
    return { planId: plan.id, lines: records.length, dueOn: deadline.dueOn };
  });
}

/** The officer confirms the proposal or chooses another action; departing from the proposal needs a reason. */
export async function setPlanLine({ db, actor }: ServiceContext, input: SetPlanLineInput) {
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(withdrawalPlanLines)
      .where(eq(withdrawalPlanLines.id, input.lineId))
      .for('update');
    if (!line) throw new DomainError('NOT_FOUND', msg('plans.lineNotFound'));
    const plan = await lockPlan(tx, line.planId);
    if (plan.status === 'done' || line.doneAt) {
      throw new DomainError('CONFLICT', msg('plans.lineDone'), 'line_done');
    }
    const [record] = await tx
      .select({
        state: pdRecords.state,
        legalBasis: pdRecords.legalBasis,
        purposeId: pdRecords.purposeId,
        purposeDefaultBasis: processingPurposes.defaultLegalBasis,
      })
      .from(pdRecords)
      .innerJoin(processingPurposes, eq(processingPurposes.id, pdRecords.purposeId))
      .where(eq(pdRecords.id, line.recordId));
    if (!record) throw new Error('plan line without its record');
    if (line.proposedAction === 'already_stopped') {
      throw new DomainError('BAD_REQUEST', msg('plans.alreadyStopped'), 'already_stopped');
    }
    const refusal = actionRefusal(input.action, record);
    if (refusal) throw new DomainError('BAD_REQUEST', refusal, 'action_refused');
    const note = input.note?.trim() || null;
    if (input.action !== line.proposedAction && !note) {
      throw new DomainError('BAD_REQUEST', msg('plans.noteRequired'), 'note_required');
    }
    await tx
      .update(withdrawalPlanLines)
      .set({ action: input.action, note, confirmed: true })
      .where(eq(withdrawalPlanLines.id, line.id));
    await tx
      .update(withdrawalPlans)
      .set({ version: plan.version + 1 })
      .where(eq(withdrawalPlans.id, plan.id));
    await appendAudit(tx, actor, {
      action: 'mail.plan_line_set',
      objectType: 'withdrawal_plan',
      objectId: plan.id,
      changes:
        input.action === line.action
          ? null
          : {
              [`line ${line.id}`]: {
                before: PLAN_ACTION_LABELS[line.action].ru,
                after: PLAN_ACTION_LABELS[input.action].ru,
              },
            },
      details: { lineId: line.id, recordId: line.recordId, action: input.action, proposed: line.proposedAction },
    });
    return { lineId: line.id, action: input.action };
  });
}

/** Confirms every line still as proposed: from now on the lines are tasks on the withdrawal clock. */
export async function confirmPlan({ db, actor, clock }: ServiceContext, planId: number) {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (plan.status !== 'draft') throw new DomainError('CONFLICT', msg('plans.confirmed'), 'plan_confirmed');
    await lockCase(tx, { id: plan.caseId }, 'утвердить план действий');
    await tx
      .update(withdrawalPlanLines)
      .set({ confirmed: true })
      .where(and(eq(withdrawalPlanLines.planId, plan.id), eq(withdrawalPlanLines.confirmed, false)));
    await tx
      .update(withdrawalPlans)
      .set({
        status: 'confirmed',
        confirmedAt: clock.now().toISOString(),
        confirmedById: actor.userId,
        version: plan.version + 1,
      })
      .where(eq(withdrawalPlans.id, plan.id));
    await recordCaseEvent(tx, actor, plan.caseId, {
      kind: 'withdrawal_plan_confirmed',
      text: `План действий утверждён, срок исполнения ${plan.dueOn}`,
      details: { planId: plan.id, dueOn: plan.dueOn },
    });
    return { planId: plan.id, status: 'confirmed' as const, dueOn: plan.dueOn };
  });
}
