import { DEADLINE_RULES, type DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import { addDays, dayOfWeek } from '@pd-desk/shared/calendar/iso-date';
import { CalendarYearMissingError, type ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { sql } from 'drizzle-orm';
import { cases } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { getCalendar } from '../calendar/calendar.service';
import { workingDaysLeft } from '../cases/case-deadline';
import { OPEN_CASES, urgencyOf } from '../triage/triage.service';

export const WORKLOAD_DAYS = 10;

/** Today (if it is a working day) and the following working days. */
function nextWorkingDays(calendar: ProductionCalendar, today: string, count: number): string[] {
  const days = calendar.isWorkingDay(today) ? [today] : [];
  while (days.length < count) days.push(calendar.nextWorkingDay(days.at(-1) ?? today));
  return days;
}

/**
 * The working day a due date has to be met on: itself, or the last working day before it when a
 * calendar-day term ends on a day off (the date is not moved forward, see ADR 0003).
 */
function workDayFor(calendar: ProductionCalendar, dueOn: string): string {
  let day = dueOn;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The morning overview: one grouped query over open cases, the calendar work done in memory. */
export async function dashboardSummary({ db, actor, clock }: ServiceContext) {
  const calendar = await getCalendar(db);
  const today = clock.today();
  const me = actor.userId ?? -1;
  const groups = await db
    .select({
      dueOn: cases.dueOn,
      rule: cases.rule,
      total: sql<number>`count(*)::int`,
      mine: sql<number>`(count(*) filter (where ${cases.assigneeId} = ${me}))::int`,
      unassigned: sql<number>`(count(*) filter (where ${cases.assigneeId} is null))::int`,
      provisional: sql<number>`(count(*) filter (where ${cases.dueProvisional}))::int`,
    })
    .from(cases)
    .where(OPEN_CASES)
    .groupBy(cases.dueOn, cases.rule);

  let workload: string[];
  try {
    workload = nextWorkingDays(calendar, today, WORKLOAD_DAYS);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        msg('calendar.yearMissing', { year: error.year }),
        'calendar_year_missing',
      );
    }
    throw error;
  }
  const perDay = new Map(workload.map((day) => [day, 0]));
  // Sunday of this week: Russian weeks run Monday to Sunday.
  const weekEnd = addDays(today, (7 - dayOfWeek(today)) % 7);
  const counts = {
    open: 0,
    overdue: 0,
    dueToday: 0,
    dueSoon: 0,
    dueThisWeek: 0,
    mine: 0,
    myOverdue: 0,
    unassigned: 0,
    provisional: 0,
  };
  const clocks = new Map<DeadlineRuleId, { open: number; overdue: number }>();

  for (const group of groups) {
    const urgency = urgencyOf(workingDaysLeft(calendar, today, group.dueOn));
    counts.open += group.total;
    counts.mine += group.mine;
    counts.unassigned += group.unassigned;
    counts.provisional += group.provisional;
    if (urgency === 'overdue') {
      counts.overdue += group.total;
      counts.myOverdue += group.mine;
    }
    if (urgency === 'today') counts.dueToday += group.total;
    if (urgency === 'soon') counts.dueSoon += group.total;
    if (group.dueOn >= today && group.dueOn <= weekEnd) counts.dueThisWeek += group.total;
    const clock = clocks.get(group.rule) ?? { open: 0, overdue: 0 };
    clock.open += group.total;
    if (urgency === 'overdue') clock.overdue += group.total;
    clocks.set(group.rule, clock);
    if (group.dueOn >= today) {
      const day = workDayFor(calendar, group.dueOn);
      // Work whose day already passed (a Sunday due date seen on Saturday) is the first day's work.
      const bucket = perDay.has(day) ? day : workload.find((d) => d > day && day < today);
      if (bucket) perDay.set(bucket, (perDay.get(bucket) ?? 0) + group.total);
    }
  }

  return {
    today,
    counts,
    runningClocks: [...clocks]
      .map(([rule, clock]) => ({
        rule,
        title: DEADLINE_RULES[rule].titleRu,
        term: DEADLINE_RULES[rule].term,
        unit: DEADLINE_RULES[rule].unit,
        ...clock,
      }))
      .sort((a, b) => b.open - a.open),
    workload: [...perDay].map(([date, due]) => ({ date, due })),
  };
}
