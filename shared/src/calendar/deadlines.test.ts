import { describe, expect, it } from 'vitest';
import { computeDeadline, DeadlineRuleError, receivedOnFromInstant, todayIn } from './deadlines';
import { CalendarYearMissingError, defaultCalendar } from './production-calendar';

// Expected dates are worked out by hand from data/ru-<year>.json; weekdays are given for each step.
const calendar = defaultCalendar();
const due = (input: Parameters<typeof computeDeadline>[1]) => computeDeadline(calendar, input).dueOn;

describe('computeDeadline: working-day terms around holidays', () => {
  it('New Year 2026/27: receipt Wed 30.12.2026, access 10 wd', () => {
    // 31.12.2026 (Thu) is off, 01.01.2027 (Fri) off, 2–3 weekend, 4–8 off, 9–10 weekend.
    // Counting: Mon 11.01 = 1 … Fri 15 = 5, Mon 18 = 6 … Fri 22 = 10. 2027 is provisional.
    expect(computeDeadline(calendar, { rule: 'access', receivedOn: '2026-12-30' })).toEqual({
      rule: 'access',
      dueOn: '2027-01-22',
      extended: false,
      provisional: true,
      landsOnNonWorkingDay: false,
    });
  });

  it('New Year 2025/26: receipt Thu 25.12.2025, access 10 wd', () => {
    // Fri 26.12 = 1, Mon 29 = 2, Tue 30 = 3; 31.12 and 01–11.01.2026 are off;
    // Mon 12.01 = 4 … Fri 16 = 8, Mon 19 = 9, Tue 20 = 10. Both years verified.
    const deadline = computeDeadline(calendar, { rule: 'access', receivedOn: '2025-12-25' });
    expect(deadline.dueOn).toBe('2026-01-20');
    expect(deadline.provisional).toBe(false);
  });

  it('May holidays 2025', () => {
    // 1–2 May (Thu–Fri) off, 3–4 weekend, 5–7 working, 8–9 (Thu–Fri) off, 10–11 weekend.
    // Receipt Wed 30.04, rectify 7 wd: Mon 5 = 1, Tue 6 = 2, Wed 7 = 3, Mon 12 = 4 … Thu 15 = 7.
    expect(due({ rule: 'rectify', receivedOn: '2025-04-30' })).toBe('2025-05-15');
    // Receipt Tue 06.05, stop-unlawful 3 wd: Wed 7 = 1, Mon 12 = 2, Tue 13 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2025-05-06' })).toBe('2025-05-13');
  });

  it('May holidays 2026', () => {
    // 1 May (Fri) off, 2–3 weekend, 4–8 working, 9 May is a Saturday so Mon 11 is off.
    // Receipt Thu 30.04, access 10 wd: Mon 4 = 1 … Fri 8 = 5, Tue 12 = 6 … Fri 15 = 9, Mon 18 = 10.
    expect(due({ rule: 'access', receivedOn: '2026-04-30' })).toBe('2026-05-18');
  });

  it('23 February 2026 (Monday)', () => {
    // Receipt Fri 20.02, stop-unlawful 3 wd: 21–22 weekend, 23 off; Tue 24 = 1, Wed 25 = 2, Thu 26 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2026-02-20' })).toBe('2026-02-26');
  });

  it('8 March 2026 falls on Sunday, so Monday 09.03 is a holiday', () => {
    // Receipt Fri 06.03, rectify 7 wd: 7–8 weekend, 9 off; Tue 10 = 1 … Fri 13 = 4, Mon 16 = 5 … Wed 18 = 7.
    expect(due({ rule: 'rectify', receivedOn: '2026-03-06' })).toBe('2026-03-18');
  });

  it('12 June 2025 (Thursday) with the bridge on Friday 13', () => {
    // Receipt Wed 11.06, stop-unlawful 3 wd: 12–13 off, 14–15 weekend; Mon 16 = 1, Tue 17 = 2, Wed 18 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2025-06-11' })).toBe('2025-06-18');
  });

  it('4 November 2025 with the working Saturday 01.11', () => {
    // Receipt Fri 31.10, stop-unlawful 3 wd: Sat 01.11 is a working day = 1, Sun 2, Mon 3 and Tue 4 off,
    // Wed 5 = 2, Thu 6 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2025-10-31' })).toBe('2025-11-06');
  });

  it('4 November 2026 (Wednesday)', () => {
    // Receipt Tue 03.11, stop-unlawful 3 wd: Wed 4 off; Thu 5 = 1, Fri 6 = 2, Mon 9 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2026-11-03' })).toBe('2026-11-09');
  });

  it('transferred working Saturdays of 2024 count', () => {
    // Receipt Fri 26.04.2024: Sat 27 is working = 1, Sun 28, Mon 29 – Wed 01.05 off, Thu 2 = 2, Fri 3 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2024-04-26' })).toBe('2024-05-03');
    // Receipt Fri 01.11.2024: Sat 2 is working = 1, Sun 3, Mon 4 off, Tue 5 = 2, Wed 6 = 3.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2024-11-01' })).toBe('2024-11-06');
    // Receipt Fri 27.12.2024, access: Sat 28 = 1; 30.12–08.01.2025 off (with the weekends);
    // Thu 09.01 = 2, Fri 10 = 3, Mon 13 = 4 … Fri 17 = 8, Mon 20 = 9, Tue 21 = 10.
    expect(due({ rule: 'access', receivedOn: '2024-12-27' })).toBe('2025-01-21');
  });

  it('receipt on a holiday counts from the next day', () => {
    // Receipt Thu 01.01.2026: 2 off, 3–4 weekend, 5–9 off, 10–11 weekend;
    // Mon 12 = 1 … Fri 16 = 5, Mon 19 = 6 … Fri 23 = 10.
    expect(due({ rule: 'access', receivedOn: '2026-01-01' })).toBe('2026-01-23');
  });

  it('receipt on a weekend counts from the next day', () => {
    // Receipt Sat 21.02.2026: Sun 22, Mon 23 off; Tue 24 = 1, Wed 25 = 2, Thu 26 = 3 — same as Friday's receipt.
    expect(due({ rule: 'stop-unlawful', receivedOn: '2026-02-21' })).toBe('2026-02-26');
  });
});

describe('computeDeadline: extension', () => {
  it('adds 5 working days after the original due date, across New Year', () => {
    // Receipt Wed 10.12.2025, access: Thu 11 = 1, Fri 12 = 2, Mon 15 = 3 … Fri 19 = 7, Mon 22 = 8 … Wed 24 = 10.
    // +5: Thu 25 = 1, Fri 26 = 2, Mon 29 = 3, Tue 30 = 4; 31.12–11.01 off; Mon 12.01.2026 = 5.
    expect(due({ rule: 'access', receivedOn: '2025-12-10' })).toBe('2025-12-24');
    expect(computeDeadline(calendar, { rule: 'access', receivedOn: '2025-12-10', extended: true })).toEqual({
      rule: 'access',
      dueOn: '2026-01-12',
      extended: true,
      provisional: false,
      landsOnNonWorkingDay: false,
    });
  });

  it('is refused for a rule the law does not allow to extend', () => {
    const attempt = () => computeDeadline(calendar, { rule: 'rectify', receivedOn: '2026-03-06', extended: true });
    expect(attempt).toThrow(DeadlineRuleError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'not-extendable', rule: 'rectify' }));
    expect(attempt).toThrow('продлению не подлежит');
  });
});

describe('computeDeadline: calendar-day and month terms', () => {
  it('keeps a 30-day term that ends on a holiday, and flags it', () => {
    // 06.12.2025 + 30 days: 25 days to 31.12, 5 more → Mon 05.01.2026, a New Year day off.
    expect(computeDeadline(calendar, { rule: 'withdrawal', receivedOn: '2025-12-06' })).toEqual({
      rule: 'withdrawal',
      dueOn: '2026-01-05',
      extended: false,
      provisional: false,
      landsOnNonWorkingDay: true,
    });
  });

  it('does not flag a 30-day term that ends on a working day', () => {
    // Mon 02.03.2026 + 30 days = Wed 01.04.2026.
    const deadline = computeDeadline(calendar, { rule: 'purpose-achieved', receivedOn: '2026-03-02' });
    expect(deadline.dueOn).toBe('2026-04-01');
    expect(deadline.landsOnNonWorkingDay).toBe(false);
  });

  it('6 months from 31 August ends on the last day of February', () => {
    // 31.08.2025 + 6 months → 28.02.2026 (no 29th in 2026), a Saturday: kept, flagged.
    expect(computeDeadline(calendar, { rule: 'destroy-after-block', receivedOn: '2025-08-31' })).toMatchObject({
      dueOn: '2026-02-28',
      landsOnNonWorkingDay: true,
    });
    // 31.08.2023 + 6 months → Thu 29.02.2024; 2023 is not loaded but the count does not need it.
    expect(computeDeadline(calendar, { rule: 'destroy-after-block', receivedOn: '2023-08-31' })).toMatchObject({
      dueOn: '2024-02-29',
      provisional: false,
      landsOnNonWorkingDay: false,
    });
  });

  it('marks a due date in the provisional 2027 calendar', () => {
    // 15.12.2026 + 30 days = Thu 14.01.2027.
    expect(computeDeadline(calendar, { rule: 'withdrawal', receivedOn: '2026-12-15' })).toMatchObject({
      dueOn: '2027-01-14',
      provisional: true,
      landsOnNonWorkingDay: false,
    });
  });

  it('still gives the date when its year is not loaded, without guessing the flag', () => {
    // 15.12.2027 + 30 days = 14.01.2028.
    expect(computeDeadline(calendar, { rule: 'withdrawal', receivedOn: '2027-12-15' })).toEqual({
      rule: 'withdrawal',
      dueOn: '2028-01-14',
      extended: false,
      provisional: true,
      landsOnNonWorkingDay: null,
    });
  });

  it('lets the clinic set its own term for medical records only', () => {
    // 02.03.2026 + 10 days = 12.03.2026.
    expect(due({ rule: 'medical-records-copy', receivedOn: '2026-03-02' })).toBe('2026-04-01');
    expect(due({ rule: 'medical-records-copy', receivedOn: '2026-03-02', term: 10 })).toBe('2026-03-12');
    expect(() => due({ rule: 'withdrawal', receivedOn: '2026-03-02', term: 10 })).toThrow(
      expect.objectContaining({ code: 'not-configurable' }),
    );
    expect(() => due({ rule: 'medical-records-copy', receivedOn: '2026-03-02', term: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid-term' }),
    );
  });
});

describe('computeDeadline: years that are not loaded', () => {
  it('throws for a working-day term that counts through 2023', () => {
    expect(() => due({ rule: 'access', receivedOn: '2023-12-20' })).toThrow(
      expect.objectContaining({ name: 'CalendarYearMissingError', year: 2023 }),
    );
  });

  it('throws for a working-day term that runs into 2028', () => {
    // Receipt Mon 27.12.2027: 28–30 are working (3 days), 31.12 off, then 2028 is unknown.
    const attempt = () => due({ rule: 'access', receivedOn: '2027-12-27' });
    expect(attempt).toThrow(CalendarYearMissingError);
    expect(attempt).toThrow('Производственный календарь на 2028 год не загружен — срок не может быть рассчитан');
  });
});

describe('receivedOnFromInstant / todayIn', () => {
  it('takes the date in Yekaterinburg (UTC+5) by default', () => {
    expect(receivedOnFromInstant(new Date('2026-01-01T18:59:59Z'))).toBe('2026-01-01');
    expect(receivedOnFromInstant(new Date('2026-01-01T19:00:00Z'))).toBe('2026-01-02');
  });

  it('honours another zone', () => {
    // 21:30 UTC on 8 March is 00:30 on 9 March in Moscow (UTC+3).
    expect(todayIn('Europe/Moscow', new Date('2026-03-08T21:30:00Z'))).toBe('2026-03-09');
    expect(todayIn('UTC', new Date('2026-03-08T21:30:00Z'))).toBe('2026-03-08');
  });

  it('rejects an invalid instant or zone in Russian', () => {
    expect(() => receivedOnFromInstant(new Date('nonsense'))).toThrow('Некорректный момент времени');
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow('Неизвестный часовой пояс «Mars/Olympus»');
  });
});
