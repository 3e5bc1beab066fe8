import {
  DEADLINE_RULES,
  type DeadlineRule,
  type DeadlineRuleId,
  type DueRuleId,
  EXTENSION_WORKING_DAYS,
} from './deadline-rules';
import { addDays, addMonths, yearOf } from './iso-date';
import type { ProductionCalendar } from './production-calendar';
import { formatPerZone } from './zone-format';

export type DeadlineRuleErrorCode = 'not-extendable' | 'not-configurable' | 'invalid-term';

export class DeadlineRuleError extends Error {
  override readonly name = 'DeadlineRuleError';

  constructor(
    readonly rule: DueRuleId,
    readonly code: DeadlineRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DeadlineInput {
  rule: DeadlineRuleId;
  /** Day the request arrived (or the fact was established), in the operator's time zone. */
  receivedOn: string;
  /** A motivated notice of extension was sent. */
  extended?: boolean;
  /** The clinic's own term, in the rule's unit; only for rules marked `configurable`. */
  term?: number;
}

export interface Deadline {
  rule: DeadlineRuleId;
  dueOn: string;
  extended: boolean;
  /** Some year the computation relied on is provisional or not loaded: re-check when the decree is out. */
  provisional: boolean;
  /**
   * A calendar-day or month term ended on a non-working day. The date is NOT moved to the next
   * working day (ГК РФ ст. 193 would allow it, but 152-ФЗ says nothing and RKN may read it
   * strictly), so the work has to be done by the working day before. null: that year is not loaded.
   */
  landsOnNonWorkingDay: boolean | null;
}

export function computeDeadline(calendar: ProductionCalendar, input: DeadlineInput): Deadline {
  const rule: DeadlineRule = DEADLINE_RULES[input.rule];
  const extended = input.extended ?? false;
  if (extended && !rule.extendable) {
    throw new DeadlineRuleError(
      input.rule,
      'not-extendable',
      `Срок «${rule.titleRu}» (${rule.article}) продлению не подлежит: закон не предусматривает продления на ${EXTENSION_WORKING_DAYS} рабочих дней для этого срока`,
    );
  }
  const term = termOf(input, rule);
  const { receivedOn } = input;

  const termEnd =
    rule.unit === 'working_days'
      ? calendar.addWorkingDays(receivedOn, term)
      : rule.unit === 'months'
        ? addMonths(receivedOn, term)
        : addDays(receivedOn, term);
  const dueOn = extended ? calendar.addWorkingDays(termEnd, EXTENSION_WORKING_DAYS) : termEnd;
  const base = { rule: input.rule, dueOn, extended };

  if (rule.unit === 'working_days' || extended) {
    // Every day from the first counted one up to dueOn was looked up in the calendar.
    const firstCounted = addDays(rule.unit === 'working_days' ? receivedOn : termEnd, 1);
    const provisional = anyUnverified(calendar, yearOf(firstCounted), yearOf(dueOn));
    return { ...base, provisional, landsOnNonWorkingDay: false };
  }
  // The date itself needs no calendar, so a missing year must not block recording it.
  const dueYear = yearOf(dueOn);
  if (!calendar.hasYear(dueYear)) return { ...base, provisional: true, landsOnNonWorkingDay: null };
  return { ...base, provisional: !calendar.isVerified(dueYear), landsOnNonWorkingDay: !calendar.isWorkingDay(dueOn) };
}

function termOf(input: DeadlineInput, rule: DeadlineRule): number {
  if (input.term === undefined) return rule.term;
  if (!rule.configurable) {
    throw new DeadlineRuleError(
      input.rule,
      'not-configurable',
      `Срок «${rule.titleRu}» установлен законом (${rule.article}) и не настраивается`,
    );
  }
  if (!Number.isInteger(input.term) || input.term < 1) {
    throw new DeadlineRuleError(
      input.rule,
      'invalid-term',
      `Срок должен быть целым положительным числом, получено ${input.term}`,
    );
  }
  return input.term;
}

function anyUnverified(calendar: ProductionCalendar, fromYear: number, toYear: number): boolean {
  for (let year = fromYear; year <= toYear; year++) {
    if (!calendar.isVerified(year)) return true;
  }
  return false;
}

// en-CA is year-month-day in Latin digits; formatToParts keeps us independent of its separators.
const dateFormatFor = formatPerZone('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in the operator's zone: a letter at 23:30 Yekaterinburg time is received that day. */
export function receivedOnFromInstant(instant: Date, timeZone = 'Asia/Yekaterinburg'): string {
  if (Number.isNaN(instant.getTime()))
    throw new RangeError('Некорректный момент времени: дату получения определить нельзя');
  const parts = dateFormatFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return receivedOnFromInstant(now, timeZone);
}
