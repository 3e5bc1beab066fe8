import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from './calendar.schemas';
import ru2026 from './data/ru-2026.json';
import { datesOfYear } from './iso-date';
import {
  bundledCalendarYears,
  CalendarYearMissingError,
  defaultCalendar,
  ProductionCalendar,
} from './production-calendar';

const calendar = defaultCalendar();

describe('ProductionCalendar: bundled years', () => {
  it('loads 2024–2027 and knows which are verified', () => {
    expect([2023, 2024, 2025, 2026, 2027, 2028].map((year) => calendar.hasYear(year))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([2024, 2025, 2026].every((year) => calendar.isVerified(year))).toBe(true);
    expect(calendar.isVerified(2027)).toBe(false);
  });

  // The admin's calendar screen shows the source as is: it names the file and commit, with no notes for developers.
  it("names each bundled year's source as the file and commit it came from", () => {
    for (const year of bundledCalendarYears) {
      expect(year.source).toMatch(
        new RegExp(`^github\\.com/xmlcalendar/data ru/${year.year}/calendar\\.xml @[0-9a-f]{40}$`),
      );
    }
  });

  // Counting day by day through isWorkingDay must reproduce the officially published totals.
  it.each([
    [2024, 248],
    [2025, 247],
    [2026, 247],
    [2027, 247],
  ])('%i has %i working days, as its stats say', (year, published) => {
    const counted = datesOfYear(year).filter((date) => calendar.isWorkingDay(date)).length;
    expect(counted).toBe(published);
    expect(bundledCalendarYears.find((y) => y.year === year)?.stats?.workingDays).toBe(published);
  });

  it('treats transferred Saturdays as working days', () => {
    for (const date of ['2024-04-27', '2024-11-02', '2024-12-28', '2025-11-01']) {
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
    expect(calendar.isWorkingDay('2025-11-08')).toBe(false);
  });

  it('knows the holidays and transferred days off', () => {
    // 2026: 8 March is a Sunday, so Monday 9 March is off; 2025: 8 May was swapped with 23 Feb (a Sunday).
    for (const date of ['2026-01-09', '2026-02-23', '2026-03-09', '2026-05-11', '2025-05-08', '2025-06-13']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-08')).toBe(true);
  });

  it('refuses to guess a year that is not loaded', () => {
    expect(() => calendar.isWorkingDay('2028-03-01')).toThrow(CalendarYearMissingError);
    expect(() => calendar.isVerified(2023)).toThrow(
      'Производственный календарь на 2023 год не загружен — срок не может быть рассчитан',
    );
    expect(() => calendar.isWorkingDay('2023-12-29')).toThrow(expect.objectContaining({ year: 2023 }));
  });

  it('rejects the same year twice', () => {
    const year = calendarYearSchema.parse(ru2026);
    expect(() => new ProductionCalendar([year, year])).toThrow('на 2026 год передан дважды');
  });
});

describe('ProductionCalendar.addWorkingDays', () => {
  it('starts counting the day after', () => {
    // Mon 12.01.2026 → Tue 13.01 is the first working day after it.
    expect(calendar.addWorkingDays('2026-01-12', 1)).toBe('2026-01-13');
    expect(calendar.addWorkingDays('2026-01-12', 0)).toBe('2026-01-12');
  });

  it('skips the New Year break', () => {
    // After Tue 30.12.2025: 31.12 and 01–11.01.2026 are off, so the next working day is Mon 12.01.
    expect(calendar.nextWorkingDay('2025-12-30')).toBe('2026-01-12');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-01-12', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-12', 1.5)).toThrow(RangeError);
  });
});

describe('ProductionCalendar.workingDaysBetween', () => {
  it('counts the working days left up to the due date', () => {
    // After Mon 12.01.2026 up to Tue 20.01: 13, 14, 15, 16, 19, 20 = 6.
    expect(calendar.workingDaysBetween('2026-01-12', '2026-01-20')).toBe(6);
    // After Tue 30.12.2025 up to Mon 12.01.2026: only 12.01 is a working day.
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-12')).toBe(1);
  });

  it('is zero on the due date and when only days off remain', () => {
    expect(calendar.workingDaysBetween('2026-01-20', '2026-01-20')).toBe(0);
    // Friday 06.03.2026 to Sunday 08.03: Saturday and Sunday are off — act today.
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
  });

  it('is negative once the due date has passed', () => {
    // Due Fri 16.01.2026, today Tue 20.01: 19 and 20 have passed → 2 working days overdue.
    expect(calendar.workingDaysBetween('2026-01-20', '2026-01-16')).toBe(-2);
    // Due Fri 06.03.2026, today Sat 07.03: no working day elapsed, but it is overdue, not "due today".
    expect(calendar.workingDaysBetween('2026-03-07', '2026-03-06')).toBe(-1);
  });
});
