import {
  DEADLINE_RULES,
  type DeadlineRule,
  type DeadlineRuleId,
  EXTENSION_WORKING_DAYS,
} from '@pd-desk/shared/calendar/deadline-rules';
import { computeDeadline, type Deadline, DeadlineRuleError } from '@pd-desk/shared/calendar/deadlines';
import { CalendarYearMissingError, type ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { CASE_TYPE_RULES, type CaseType, OPEN_STATUSES } from '@pd-desk/shared/cases/case-model';
import { type MessageRef, msg } from '@pd-desk/shared/messages/catalogue';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseEvents, cases } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { fastWorkingDaysBetween } from './working-day-index';

export type DeadlineInputs = { rule: DeadlineRuleId; receivedOn: string; extended: boolean };

/** The rules table decides; a missing calendar year or an illegal extension becomes a clear refusal. */
export function caseDeadline(calendar: ProductionCalendar, input: DeadlineInputs): Deadline {
  try {
    return computeDeadline(calendar, { rule: input.rule, receivedOn: input.receivedOn, extended: input.extended });
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        msg('calendar.yearMissingLoad', { year: error.year }),
        'calendar_year_missing',
      );
    }
    if (error instanceof DeadlineRuleError)
      throw new DomainError('BAD_REQUEST', deadlineRuleRefusal(error), error.code);
    throw error;
  }
}

/** The rule's refusal as a catalogue message: the rule is named in the reader's language. */
function deadlineRuleRefusal(error: DeadlineRuleError): MessageRef {
  const rule = DEADLINE_RULES[error.rule as DeadlineRuleId] as DeadlineRule | undefined;
  const article = rule?.article ?? '';
  if (error.code === 'not-extendable') {
    return msg('deadlines.not-extendable', { rule: error.rule, article, days: EXTENSION_WORKING_DAYS });
  }
  if (error.code === 'not-configurable') return msg('deadlines.not-configurable', { rule: error.rule, article });
  return msg('deadlines.invalid-term');
}

/** Only `other` lets the officer choose the clock; every named type has its term fixed by law. */
export function ruleFor(type: CaseType, requested: DeadlineRuleId | undefined): DeadlineRuleId {
  if (requested === undefined || requested === CASE_TYPE_RULES[type]) return CASE_TYPE_RULES[type];
  if (type !== 'other') {
    const fixed = DEADLINE_RULES[CASE_TYPE_RULES[type]];
    throw new DomainError(
      'BAD_REQUEST',
      msg('cases.ruleFixed', { rule: CASE_TYPE_RULES[type], article: fixed.article }),
      'rule_fixed',
    );
  }
  return requested;
}

/**
 * "Осталось N рабочих дней" from today (operator's zone): 0 due today, negative overdue. null when
 * a year between them is not loaded, so the screen says "calendar missing" instead of a guess.
 */
export function workingDaysLeft(calendar: ProductionCalendar, today: string, dueOn: string): number | null {
  try {
    return fastWorkingDaysBetween(calendar, today, dueOn);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

export function deadlineColumns(deadline: Deadline) {
  return {
    dueOn: deadline.dueOn,
    dueProvisional: deadline.provisional,
    dueOnDayOff: deadline.landsOnNonWorkingDay === null ? null : deadline.landsOnNonWorkingDay,
  };
}

/**
 * After a calendar year was imported or (un)verified: every open case gets its due date and
 * provisional flag from the new calendar, each change on the case's timeline, one audit entry.
 */
export async function recomputeOpenDeadlines(tx: Tx, actor: Actor, calendar: ProductionCalendar) {
  const open = await tx
    .select({
      id: cases.id,
      rule: cases.rule,
      receivedOn: cases.receivedOn,
      extended: cases.extended,
      dueOn: cases.dueOn,
      dueProvisional: cases.dueProvisional,
      dueOnDayOff: cases.dueOnDayOff,
    })
    .from(cases)
    .where(inArray(cases.status, [...OPEN_STATUSES]))
    .for('update');
  const changed: number[] = [];
  for (const row of open) {
    const next = deadlineColumns(caseDeadline(calendar, row));
    if (
      next.dueOn === row.dueOn &&
      next.dueProvisional === row.dueProvisional &&
      next.dueOnDayOff === row.dueOnDayOff
    ) {
      continue;
    }
    changed.push(row.id);
    await tx
      .update(cases)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(cases.id, row.id));
    await tx.insert(caseEvents).values({
      caseId: row.id,
      actorId: actor.userId,
      kind: 'due_recomputed',
      text: 'Срок пересчитан по обновлённому производственному календарю',
      details: { before: { dueOn: row.dueOn, provisional: row.dueProvisional }, after: next },
    });
  }
  if (changed.length > 0) {
    await appendAudit(tx, actor, {
      action: 'case.due_recomputed',
      objectType: 'case',
      details: { reason: 'calendar_changed', caseIds: changed },
    });
  }
  return { openCases: open.length, changedCases: changed.length };
}
