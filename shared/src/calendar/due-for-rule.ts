/**
 * One entry point for `pnpm pd-desk due` over both kinds of rules: a day rule answers a date
 * (`YYYY-MM-DD`, from a date of receipt), an hour rule answers an instant (`YYYY-MM-DDTHH:MM±HH:MM`
 * in the operator's zone, from an instant).
 */
import { type DeadlineRuleId, type DueRuleId, HOUR_RULES, type HourRuleId, isHourRule } from './deadline-rules';
import { computeDeadline, type Deadline, DeadlineRuleError } from './deadlines';
import { hourClockDue } from './hour-clocks';
import { formatInstant, instantProblem, parseInstant } from './instant';
import { assertIsoDate, InvalidIsoDateError, isIsoDate } from './iso-date';
import type { ProductionCalendar } from './production-calendar';

export type RuleDue =
  | { kind: 'date'; rule: DeadlineRuleId; text: string; deadline: Deadline }
  | { kind: 'instant'; rule: HourRuleId; text: string; dueAt: Date };

/** computeDeadline's shape; the server passes its caseDeadline to keep its own refusals and hints. */
export type DayDeadline = (
  calendar: ProductionCalendar,
  input: { rule: DeadlineRuleId; receivedOn: string; extended: boolean },
) => Deadline;

export interface DueOptions {
  /** The operator's zone (`PD_DESK_TIME_ZONE`): reads an hour rule's `from` without an offset, prints its answer. */
  timeZone: string;
  calendar: ProductionCalendar;
  extended?: boolean;
  dayDeadline?: DayDeadline;
}

/**
 * Throws InvalidIsoDateError / InvalidInstantError for a malformed `from`, DeadlineRuleError for
 * an extension the law does not allow, and whatever `dayDeadline` throws (a missing calendar year).
 */
export function dueForRule(rule: DueRuleId, from: string, options: DueOptions): RuleDue {
  const extended = options.extended ?? false;
  if (isHourRule(rule)) {
    if (extended) {
      const { titleRu, article } = HOUR_RULES[rule];
      throw new DeadlineRuleError(rule, 'not-extendable', `Срок «${titleRu}» (${article}) продлению не подлежит`);
    }
    const dueAt = hourClockDue(rule, parseInstant(from, options.timeZone));
    return { kind: 'instant', rule, text: formatInstant(dueAt, options.timeZone), dueAt };
  }
  assertIsoDate(from);
  const deadline = (options.dayDeadline ?? computeDeadline)(options.calendar, { rule, receivedOn: from, extended });
  return { kind: 'date', rule, text: deadline.dueOn, deadline };
}

/** For a schema refinement, before the zone is known: why `from` does not fit the rule's kind, or null. */
export function dueFromProblem(rule: DueRuleId, from: string): string | null {
  if (isHourRule(rule)) return instantProblem(from);
  return isIsoDate(from) ? null : new InvalidIsoDateError(from).message;
}
