import { addMonths, yearOf } from '@pd-desk/shared/calendar/iso-date';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { CompletePlanInput } from '@pd-desk/shared/mail/plan.schemas';
import { DESTRUCTION_ACT_KEEP_YEARS } from '@pd-desk/shared/mail/withdrawal-plan';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { WithdrawalChannel } from '@pd-desk/shared/subjects/pd-records';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { consents, pdRecords, processingPurposes } from '../../../db/schema/subject-records';
import { subjectEmails, subjectPhones } from '../../../db/schema/subjects';
import { type ActEntry, destructionActs, withdrawalPlanLines, withdrawalPlans } from '../../../db/schema/withdrawals';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { nextCounterValue } from '../../cases/case-numbering';
import { type CaseRow, lockCase, recordCaseEvent } from '../../cases/case-records';
import { emitIntegrationEvent } from '../../integrations/outbox';
import { lockPlan, type PlanLine, type PlanRow, planLines } from './plan-records';

const DESTRUCTION_METHOD =
  'Удаление записей из информационной системы без возможности восстановления (стирание средствами системы)';

/** The channel a case came by, as a consent's withdrawal records it (an RKN inquiry never withdraws a consent). */
const WITHDRAWAL_CHANNEL: Record<CaseRow['channel'], WithdrawalChannel> = {
  post: 'post',
  email: 'email',
  in_person: 'in_person',
  web_form: 'web_form',
  rkn: 'post',
};

/**
 * Carries out the confirmed tasks in ONE transaction: records stopped or destroyed, the consents withdrawn, the
 * destruction act with its event-log extract, and the events the booking site, the newsletter service and the
 * medical system act on. Any failure leaves all of it undone.
 */
export async function completePlan(ctx: ServiceContext, input: CompletePlanInput) {
  const { db, actor, clock } = ctx;
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, input.planId);
    if (plan.status === 'draft') {
      throw new DomainError('PRECONDITION_FAILED', msg('plans.notConfirmed'), 'plan_not_confirmed');
    }
    const row = await lockCase(tx, { id: plan.caseId }, 'исполнить план действий');
    const lines = await planLines(tx, plan.id);
    const open = lines.filter((line) => !line.doneAt && (!input.lineIds || input.lineIds.includes(line.id)));
    if (input.lineIds && open.length !== input.lineIds.length) {
      throw new DomainError('BAD_REQUEST', msg('plans.lineNotOpen'), 'line_not_open');
    }
    if (open.length === 0) throw new DomainError('CONFLICT', msg('plans.done'), 'plan_done');

    const now = clock.now().toISOString();
    const reason = `Отзыв согласия на обработку персональных данных, вх. № ${row.incomingNumber} от ${ruDate(row.receivedOn)} (ч. 2 ст. 9, ч. 5 ст. 21 Федерального закона № 152-ФЗ)`;
    const destroyed = open.filter((line) => line.action === 'destroy');
    const stopped = open.filter((line) => line.action === 'keep' || line.action === 'destroy');
    const act = destroyed.length > 0 ? await insertAct(ctx, tx, plan, row, destroyed, input.destructionTool) : null;

    for (const line of stopped) {
      const destroy = line.action === 'destroy';
      await tx
        .update(pdRecords)
        .set({
          state: destroy ? 'destroyed' : 'processing_stopped',
          stateReason: destroy ? `${reason}; акт № ${act?.number}` : `${reason}; данные хранятся: ${line.basisText}`,
          stateChangedAt: now,
          version: sql`${pdRecords.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(pdRecords.id, line.recordId));
      // One entry per record: the destroyed ones make up the act's event-log extract (Order No. 179).
      await appendAudit(tx, actor, {
        action: destroy ? 'mail.record_destroyed' : 'mail.record_stopped',
        objectType: 'pd_record',
        objectId: line.recordId,
        changes: { state: { before: line.state, after: destroy ? 'destroyed' : 'processing_stopped' } },
        details: {
          caseId: row.id,
          planId: plan.id,
          actId: act?.id ?? null,
          system: line.systemName,
          purpose: line.purposeCode,
          categories: line.dataFields,
        },
      });
    }
    await tx
      .update(withdrawalPlanLines)
      .set({ doneAt: now, doneById: actor.userId })
      .where(
        inArray(
          withdrawalPlanLines.id,
          open.map((line) => line.id),
        ),
      );
    if (act) {
      await tx
        .update(withdrawalPlanLines)
        .set({ destructionActId: act.id })
        .where(
          inArray(
            withdrawalPlanLines.id,
            destroyed.map((line) => line.id),
          ),
        );
    }
    const withdrawn = await withdrawConsents(tx, plan, row, lines, now, actor.userId);
    await tellOtherSystems(tx, plan, row, { stopped, destroyed, withdrawnPurposes: withdrawn.purposes });

    const finished = lines.every((line) => line.doneAt || open.includes(line));
    await tx
      .update(withdrawalPlans)
      .set({ status: finished ? 'done' : plan.status, completedAt: finished ? now : null, version: plan.version + 1 })
      .where(eq(withdrawalPlans.id, plan.id));
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'withdrawal_plan_done',
      text: `Исполнено задач плана: ${open.length}${act ? `; акт об уничтожении № ${act.number}` : ''}`,
      details: {
        planId: plan.id,
        lineIds: open.map((line) => line.id),
        actId: act?.id ?? null,
        consentIds: withdrawn.ids,
        finished,
      },
    });
    return {
      planId: plan.id,
      status: finished ? ('done' as const) : plan.status,
      done: open.length,
      act: act && { id: act.id, number: act.number },
      consentsWithdrawn: withdrawn.ids.length,
    };
  });
}

async function insertAct(
  { actor, clock }: ServiceContext,
  tx: Tx,
  plan: PlanRow,
  row: CaseRow,
  destroyed: readonly PlanLine[],
  tool: string | undefined,
) {
  const today = clock.today();
  const value = await nextCounterValue(tx, 'destruction_act', yearOf(today));
  const number = `АУ-${yearOf(today)}-${String(value).padStart(4, '0')}`;
  const entries: ActEntry[] = destroyed.map((line) => ({
    recordId: line.recordId,
    system: line.systemName,
    purpose: line.purposeName,
    categories: line.dataFields,
    externalId: line.externalId,
  }));
  const [act] = await tx
    .insert(destructionActs)
    .values({
      number,
      caseId: row.id,
      planId: plan.id,
      subjectId: plan.subjectId,
      destroyedOn: today,
      entries,
      reason: `Отзыв согласия на обработку персональных данных, вх. № ${row.incomingNumber} от ${ruDate(row.receivedOn)} (ч. 2 ст. 9, ч. 5 ст. 21 Федерального закона № 152-ФЗ)`,
      method: DESTRUCTION_METHOD,
      destructionTool: tool?.trim() || null,
      destroyedById: actor.userId,
      keepUntil: addMonths(today, DESTRUCTION_ACT_KEEP_YEARS * 12),
    })
    .returning({ id: destructionActs.id, number: destructionActs.number });
  if (!act) throw new Error('act insert returned nothing');
  await appendAudit(tx, actor, {
    action: 'mail.destruction_act_created',
    objectType: 'destruction_act',
    objectId: act.id,
    details: { caseId: row.id, planId: plan.id, number, records: entries.map((e) => e.recordId) },
  });
  return act;
}

/** The consents the letter withdraws (every one, or those of the purposes it names), with the case's evidence. */
async function withdrawConsents(
  tx: Tx,
  plan: PlanRow,
  row: CaseRow,
  lines: readonly PlanLine[],
  now: string,
  userId: number | null,
) {
  const scope = plan.scopePurposeIds;
  const kept = lines.filter((line) => line.action === 'continue').map((line) => line.purposeId);
  const active = await tx
    .select({ id: consents.id, purposeId: consents.purposeId, purposeCode: processingPurposes.code })
    .from(consents)
    .innerJoin(processingPurposes, eq(processingPurposes.id, consents.purposeId))
    .where(and(eq(consents.subjectId, plan.subjectId), isNull(consents.withdrawnAt)))
    .for('update', { of: consents });
  const withdrawing = active.filter(
    (c) => (scope === null || scope.includes(c.purposeId)) && !kept.includes(c.purposeId),
  );
  if (withdrawing.length > 0) {
    await tx
      .update(consents)
      .set({
        withdrawnAt: now,
        withdrawalChannel: WITHDRAWAL_CHANNEL[row.channel],
        withdrawalReceivedOn: row.receivedOn,
        withdrawalNote: `Вх. № ${row.incomingNumber}`,
        withdrawnById: userId,
        version: sql`${consents.version} + 1`,
      })
      .where(
        inArray(
          consents.id,
          withdrawing.map((c) => c.id),
        ),
      );
  }
  return { ids: withdrawing.map((c) => c.id), purposes: [...new Set(withdrawing.map((c) => c.purposeCode))] };
}

async function tellOtherSystems(
  tx: Tx,
  plan: PlanRow,
  row: CaseRow,
  done: { stopped: readonly PlanLine[]; destroyed: readonly PlanLine[]; withdrawnPurposes: string[] },
) {
  const [phones, emails] = await Promise.all([
    tx.select({ digits: subjectPhones.digits }).from(subjectPhones).where(eq(subjectPhones.subjectId, plan.subjectId)),
    tx
      .select({ normalised: subjectEmails.normalised })
      .from(subjectEmails)
      .where(eq(subjectEmails.subjectId, plan.subjectId)),
  ]);
  const base = {
    subjectId: plan.subjectId,
    caseNumber: row.incomingNumber,
    fields: null,
    contacts: { phones: phones.map((p) => p.digits), emails: emails.map((e) => e.normalised) },
  };
  const refs = (lines: readonly PlanLine[]) =>
    lines.map((line) => ({ system: line.systemCode, externalId: line.externalId, purpose: line.purposeCode }));
  const purposes = (lines: readonly PlanLine[]) => [...new Set(lines.map((line) => line.purposeCode))];
  if (done.withdrawnPurposes.length > 0) {
    await emitIntegrationEvent(tx, 'consent.withdrawn', { ...base, records: [], purposes: done.withdrawnPurposes });
  }
  if (done.stopped.length > 0) {
    await emitIntegrationEvent(tx, 'processing.stopped', {
      ...base,
      records: refs(done.stopped),
      purposes: purposes(done.stopped),
    });
  }
  if (done.destroyed.length > 0) {
    await emitIntegrationEvent(tx, 'record.destroyed', {
      ...base,
      records: refs(done.destroyed),
      purposes: purposes(done.destroyed),
    });
  }
}
