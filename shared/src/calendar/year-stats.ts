import { datesOfYear, isWeekend } from './iso-date';

export interface YearDays {
  year: number;
  holidays: readonly string[];
  workingWeekends: readonly string[];
  shortened: readonly string[];
}

export interface YearStats {
  workingDays: number;
  nonWorkingDays: number;
  /** Norm of hours for a 40-hour week: 8 per working day, one less on each shortened day (ТК РФ ст. 95). */
  hours40: number;
}

/**
 * Counted from weekdays and the two exception lists, not through ProductionCalendar, so that the
 * published yearly totals cross-check the calendar's day-by-day answer.
 */
export function computeYearStats(days: YearDays): YearStats {
  const all = datesOfYear(days.year);
  const weekdays = all.filter((date) => !isWeekend(date)).length;
  const workingDays = weekdays - days.holidays.length + days.workingWeekends.length;
  return {
    workingDays,
    nonWorkingDays: all.length - workingDays,
    hours40: workingDays * 8 - days.shortened.length,
  };
}
