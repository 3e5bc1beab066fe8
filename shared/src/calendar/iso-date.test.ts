import { describe, expect, it } from 'vitest';
import { addDays, addMonths, datesOfYear, dayOfWeek, InvalidIsoDateError, isIsoDate, yearOf } from './iso-date';

describe('iso-date', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('01.01.2025')).toBe(false);
    expect(() => yearOf('2025-02-30')).toThrow(InvalidIsoDateError);
    expect(() => yearOf('2025-02-30')).toThrow('«2025-02-30» — не дата в формате ГГГГ-ММ-ДД');
  });

  it('knows the weekday regardless of the process time zone', () => {
    // 1 January 2026 is a Thursday, 1 January 2027 a Friday.
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2027-01-01')).toBe(5);
  });

  it('adds days across month, year and the end of DST in Europe', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('adds months the civil-law way, clamping to the month end', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2025-10-31', 6)).toBe('2026-04-30');
  });

  it('lists every day of a year', () => {
    expect(datesOfYear(2024)).toHaveLength(366);
    expect(datesOfYear(2025)).toHaveLength(365);
    expect(datesOfYear(2025).at(-1)).toBe('2025-12-31');
  });
});
