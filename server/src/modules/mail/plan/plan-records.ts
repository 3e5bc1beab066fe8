import { addDays } from '@pd-desk/shared/calendar/iso-date';
import type { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { caseSubjects } from '../../../db/schema/cases';
import { mailItems } from '../../../db/schema/mail';
import { pdRecords, processingPurposes, processingSystems } from '../../../db/schema/subject-records';
import { withdrawalPlanLines, withdrawalPlans } from '../../../db/schema/withdrawals';
import { DomainError } from '../../../errors';

/** Shared steps of the plan's services: locking, the lines with their records, the last day to work on. */

export type PlanRow = typeof withdrawalPlans.$inferSelect;

export async function lockPlan(tx: Tx, planId: number): Promise<PlanRow> {
  const [plan] = await tx.select().from(withdrawalPlans).where(eq(withdrawalPlans.id, planId)).for('update');
  if (!plan) throw new DomainError('NOT_FOUND', msg('plans.notFound'));
  return plan;
}

/** Each line with the record, system and purpose it is about: what the screen, the answer and the act read. */
export function planLines(db: Db | Tx, planId: number) {
  return db
    .select({
      id: withdrawalPlanLines.id,
      recordId: pdRecords.id,
      proposedAction: withdrawalPlanLines.proposedAction,
      action: withdrawalPlanLines.action,
      basisText: withdrawalPlanLines.basisText,
      note: withdrawalPlanLines.note,
      confirmed: withdrawalPlanLines.confirmed,
      doneAt: withdrawalPlanLines.doneAt,
      destructionActId: withdrawalPlanLines.destructionActId,
      systemCode: processingSystems.code,
      systemName: processingSystems.name,
      purposeId: processingPurposes.id,
      purposeCode: processingPurposes.code,
      purposeName: processingPurposes.name,
      purposeDefaultBasis: processingPurposes.defaultLegalBasis,
      legalBasis: pdRecords.legalBasis,
      legalBasisNote: pdRecords.legalBasisNote,
      externalId: pdRecords.externalId,
      dataFields: pdRecords.dataFields,
      consentId: pdRecords.consentId,
      state: pdRecords.state,
      retainUntil: pdRecords.retainUntil,
    })
    .from(withdrawalPlanLines)
    .innerJoin(pdRecords, eq(pdRecords.id, withdrawalPlanLines.recordId))
    .innerJoin(processingSystems, eq(processingSystems.id, pdRecords.systemId))
    .innerJoin(processingPurposes, eq(processingPurposes.id, pdRecords.purposeId))
    .where(eq(withdrawalPlanLines.planId, planId))
    .orderBy(asc(withdrawalPlanLines.id));
}
export type PlanLine = Awaited<ReturnType<typeof planLines>>[number];

/** The one subject a withdrawal is about; a letter not matched yet (or about several people) has no plan. */
/**
 * The scope the letter states, as purpose ids: what the plan proposes from when the officer names none. null when
 * the case came from no mail item or the letter withdraws every consent. Several items (a letter and its e-mail
 * linked into one case) widen the scope to the union; any item withdrawing everything makes it everything.
 */
export async function letterScope(db: Db | Tx, caseId: number): Promise<number[] | null> {
  const items = await db
    .select({ scopeAll: mailItems.scopeAll, scopePurposes: mailItems.scopePurposes })
    .from(mailItems)
    .where(and(eq(mailItems.caseId, caseId), eq(mailItems.withdrawal, true)));
  if (items.length === 0 || items.some((item) => item.scopeAll || item.scopePurposes.length === 0)) return null;
  const codes = [...new Set(items.flatMap((item) => item.scopePurposes))];
  const purposes = await db
    .select({ id: processingPurposes.id })
    .from(processingPurposes)
    .where(inArray(processingPurposes.code, codes))
    .orderBy(asc(processingPurposes.id));
  return purposes.length > 0 ? purposes.map((p) => p.id) : null;
}

export async function withdrawalSubject(db: Db | Tx, caseId: number): Promise<number> {
  const linked = await db
    .select({ subjectId: caseSubjects.subjectId })
    .from(caseSubjects)
    .where(eq(caseSubjects.caseId, caseId));
  const [first] = linked;
  if (!first || linked.length > 1) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      linked.length > 1 ? msg('plans.severalSubjects') : msg('plans.matchFirst'),
      'subject_not_matched',
    );
  }
  return first.subjectId;
}

/**
 * A calendar-day term that ends on a day off is not moved (ADR 0003): the work must be done by the working day
 * before. null when the year is not loaded.
 */
export function workBy(calendar: ProductionCalendar, dueOn: string): string | null {
  let day = dueOn;
  try {
    for (let i = 0; i < 31 && !calendar.isWorkingDay(day); i++) day = addDays(day, -1);
  } catch {
    return null;
  }
  return day;
}

/** The purpose's clause and retention, quoted from the catalogue: what the answer cites for each record. */
export function basisText(purpose: { source: string | null; retention: string | null }): string {
  return [purpose.source, purpose.retention && `срок хранения: ${purpose.retention}`].filter(Boolean).join('; ');
}
