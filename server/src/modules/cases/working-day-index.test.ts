import { addDays } from '@pd-desk/shared/calendar/iso-date';
import { CalendarYearMissingError, defaultCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { describe, expect, it } from 'vitest';
import { fastWorkingDaysBetween } from './working-day-index';

const calendar = defaultCalendar();

describe('fastWorkingDaysBetween', () => {
  it('agrees with the day-by-day count on every pair of a spread of dates across 2024–2027', () => {
    const dates = Array.from({ length: 30 }, (_, i) => addDays('2024-01-01', i * 49 + (i % 7)));
    for (const from of dates) {
      for (const to of dates) {
        expect(fastWorkingDaysBetween(calendar, from, to)).toBe(calendar.workingDaysBetween(from, to));
      }
    }
  });

  it('refuses, like the calendar, to count into a year that is not loaded', () => {
    expect(() => fastWorkingDaysBetween(calendar, '2027-12-20', '2028-01-15')).toThrow(CalendarYearMissingError);
    expect(() => fastWorkingDaysBetween(calendar, '2024-01-15', '2023-12-20')).toThrow(CalendarYearMissingError);
    expect(fastWorkingDaysBetween(calendar, '2023-12-31', '2024-01-10')).toBe(
      calendar.workingDaysBetween('2023-12-31', '2024-01-10'),
    );
  });
});
