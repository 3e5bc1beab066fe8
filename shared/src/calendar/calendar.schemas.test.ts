import { describe, expect, it } from 'vitest';
import { type CalendarYearJson, calendarYearSchema } from './calendar.schemas';
import ru2025 from './data/ru-2025.json';
import ru2027 from './data/ru-2027.json';

const valid2025: CalendarYearJson = ru2025;

function messages(input: unknown): string[] {
  const result = calendarYearSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('calendarYearSchema', () => {
  it('normalises a verified year', () => {
    const year = calendarYearSchema.parse(valid2025);
    expect(year.verified).toBe(true);
    expect(year.statusNote).toBeNull();
    expect(year.holidays).toContain('2025-05-08');
    expect(year.workingWeekends).toEqual(['2025-11-01']);
  });

  it('keeps the reason a year is provisional', () => {
    const year = calendarYearSchema.parse(ru2027);
    expect(year.verified).toBe(false);
    expect(year.statusNote).toMatch(/^постановление о переносе выходных дней на 2027 год не принято/);
    expect(calendarYearSchema.parse({ ...valid2025, status: 'provisional' }).statusNote).toBeNull();
  });

  it('rejects any other status', () => {
    expect(messages({ ...valid2025, status: 'draft' })).toEqual([
      'status: ожидается «verified» или строка, начинающаяся с «provisional»',
    ]);
  });

  it('rejects a date from another year', () => {
    const result = calendarYearSchema.safeParse({ ...valid2025, holidays: [...valid2025.holidays, '2026-02-23'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['holidays', valid2025.holidays.length],
      message: '2026-02-23: дата не относится к 2025 году',
    });
  });

  it('rejects impossible and duplicated dates', () => {
    expect(messages({ ...valid2025, holidays: ['2025-02-30'] })).toContain(
      '«2025-02-30» — не дата в формате ГГГГ-ММ-ДД',
    );
    expect(messages({ ...valid2025, holidays: [...valid2025.holidays, '2025-01-01'] })).toContain(
      '2025-01-01: дата указана дважды',
    );
  });

  it('keeps weekends out of holidays and weekdays out of workingWeekends', () => {
    // 8 March 2025 was a Saturday; 10 March 2025 a Monday.
    expect(messages({ ...valid2025, holidays: ['2025-03-08'], stats: undefined })).toEqual([
      '2025-03-08: суббота — в holidays указываются только будни (пн–пт), выходные и так нерабочие',
    ]);
    expect(messages({ ...valid2025, workingWeekends: ['2025-03-10'], stats: undefined })).toEqual([
      '2025-03-10: понедельник — рабочим выходным может быть только суббота или воскресенье',
    ]);
  });

  it('rejects a shortened day that is not a working day', () => {
    expect(messages({ ...valid2025, shortened: ['2025-01-01'] })).toEqual([
      '2025-01-01: нерабочий день не может быть сокращённым',
    ]);
  });

  it('cross-checks the published totals against the dates', () => {
    // Dropping 12 June adds a working day: 248 instead of the published 247.
    const withoutJune12 = valid2025.holidays.filter((date) => date !== '2025-06-12');
    expect(messages({ ...valid2025, holidays: withoutJune12 })).toEqual([
      'stats.workingDays = 247, а по датам файла получается 248',
      'stats.nonWorkingDays = 118, а по датам файла получается 117',
    ]);
    expect(calendarYearSchema.safeParse({ ...valid2025, holidays: withoutJune12, stats: undefined }).success).toBe(
      true,
    );
  });

  it('answers in Russian for a wrong shape', () => {
    expect(messages({ ...valid2025, year: '2025' })).toEqual(['year: ожидается число']);
  });
});
