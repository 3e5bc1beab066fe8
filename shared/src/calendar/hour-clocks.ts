/**
 * The breach clocks (152-ФЗ ст. 21 ч. 3.1): 24 and 72 hours of absolute time from the moment the
 * incident was established. Nights, weekends and holidays count, so the production calendar is
 * never consulted; the operator's zone matters only for reading and printing the instants.
 */
import { HOUR_RULES, type HourRuleId } from './deadline-rules';
import { formatInstant } from './instant';

const MS_PER_MINUTE = 60_000;

/** Under this much time left, an incident's clock goes above everything else in the triage queue. */
export const HOUR_CLOCK_URGENT_MINUTES = 6 * 60;

export function hourClockDue(rule: HourRuleId, establishedAt: Date): Date {
  return new Date(establishedAt.getTime() + HOUR_RULES[rule].term * 60 * MS_PER_MINUTE);
}

/**
 * What the clock shows, to the minute: «осталось 5 ч 12 мин», or for an overdue clock how long
 * ago it ran out. The due instant itself is still in time. Both roundings err towards alarm:
 * 59 s left shows «0 мин», 1 s past due shows «просрочено на 1 мин».
 */
export interface TimeLeft {
  overdue: boolean;
  /** Under HOUR_CLOCK_URGENT_MINUTES left, or overdue. */
  urgent: boolean;
  /** Left until the due instant, or past it when overdue; never negative. */
  totalMinutes: number;
  hours: number;
  minutes: number;
}

export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const diff = dueAt.getTime() - now.getTime();
  const overdue = diff < 0;
  const totalMinutes = overdue ? Math.ceil(-diff / MS_PER_MINUTE) : Math.floor(diff / MS_PER_MINUTE);
  return {
    overdue,
    urgent: overdue || totalMinutes < HOUR_CLOCK_URGENT_MINUTES,
    totalMinutes,
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
  };
}

export interface HourClock extends TimeLeft {
  rule: HourRuleId;
  dueAt: Date;
  /** `YYYY-MM-DDTHH:MM±HH:MM` in the operator's zone. */
  due: string;
}

/** One running clock of an incident, as the incident page, the queue and the dashboard show it. */
export function hourClock(rule: HourRuleId, establishedAt: Date, now: Date, timeZone: string): HourClock {
  const dueAt = hourClockDue(rule, establishedAt);
  return { rule, dueAt, due: formatInstant(dueAt, timeZone), ...timeLeft(dueAt, now) };
}
