import { describe, expect, it } from 'vitest';
import type { HourRuleId } from './deadline-rules';
import { hourClock, hourClockDue, timeLeft } from './hour-clocks';
import { formatInstant, parseInstant } from './instant';

const YEKATERINBURG = 'Asia/Yekaterinburg';
const KALININGRAD = 'Europe/Kaliningrad';
const VLADIVOSTOK = 'Asia/Vladivostok';

/** The due instant as `due` prints it, for `from` typed by an operator in `zone`. */
const due = (rule: HourRuleId, from: string, zone: string) =>
  formatInstant(hourClockDue(rule, parseInstant(from, zone)), zone);

describe('hourClockDue: 24 and 72 hours of absolute time', () => {
  it('year end, the case of issue 12: 31.12.2026 23:30 in Yekaterinburg', () => {
    expect(due('breach-notice', '2026-12-31T23:30', YEKATERINBURG)).toBe('2027-01-01T23:30+05:00');
    expect(due('breach-report', '2026-12-31T23:30', YEKATERINBURG)).toBe('2027-01-03T23:30+05:00');
  });

  it('year end in the other operator zones, typed as local time', () => {
    expect(due('breach-notice', '2026-12-31T23:30', KALININGRAD)).toBe('2027-01-01T23:30+02:00');
    expect(due('breach-report', '2026-12-31T23:30', KALININGRAD)).toBe('2027-01-03T23:30+02:00');
    expect(due('breach-notice', '2026-12-31T23:30', VLADIVOSTOK)).toBe('2027-01-01T23:30+10:00');
    expect(due('breach-report', '2026-12-31T23:30', VLADIVOSTOK)).toBe('2027-01-03T23:30+10:00');
  });

  it('the same moment typed in UTC or with an offset gives the same due instant', () => {
    expect(due('breach-notice', '2026-12-31T18:30Z', YEKATERINBURG)).toBe('2027-01-01T23:30+05:00');
    expect(due('breach-notice', '2026-12-31T23:30+05:00', YEKATERINBURG)).toBe('2027-01-01T23:30+05:00');
    expect(due('breach-report', '2026-12-31T13:30Z', VLADIVOSTOK)).toBe('2027-01-03T23:30+10:00');
    expect(due('breach-report', '2026-12-31T23:30+02:00', KALININGRAD)).toBe('2027-01-03T23:30+02:00');
  });

  it('an offset other than the operator’s is converted, and printed in the operator zone', () => {
    // 23:30 Moscow = 20:30Z = 01:30 on 01.01 in Yekaterinburg.
    expect(due('breach-notice', '2026-12-31T23:30+03:00', YEKATERINBURG)).toBe('2027-01-02T01:30+05:00');
    // 23:30 Yekaterinburg = 18:30Z = 20:30 in Kaliningrad.
    expect(due('breach-notice', '2026-12-31T23:30+05:00', KALININGRAD)).toBe('2027-01-01T20:30+02:00');
    // 18:30Z = 04:30 on 01.01 in Vladivostok; +72 h.
    expect(due('breach-report', '2026-12-31T18:30Z', VLADIVOSTOK)).toBe('2027-01-04T04:30+10:00');
  });

  it('across midnight', () => {
    expect(due('breach-notice', '2026-06-15T00:10', YEKATERINBURG)).toBe('2026-06-16T00:10+05:00');
    expect(due('breach-notice', '2026-06-15T23:59', KALININGRAD)).toBe('2026-06-16T23:59+02:00');
    // 21:45 Moscow = 18:45Z = 04:45 next day in Vladivostok.
    expect(due('breach-notice', '2026-06-14T21:45+03:00', VLADIVOSTOK)).toBe('2026-06-16T04:45+10:00');
    expect(due('breach-report', '2026-06-14T21:45+03:00', VLADIVOSTOK)).toBe('2026-06-18T04:45+10:00');
  });

  it('month end', () => {
    expect(due('breach-report', '2026-04-30T22:00', KALININGRAD)).toBe('2026-05-03T22:00+02:00');
    expect(due('breach-notice', '2026-11-30T23:59', VLADIVOSTOK)).toBe('2026-12-01T23:59+10:00');
    expect(due('breach-report', '2026-01-30T08:15', YEKATERINBURG)).toBe('2026-02-02T08:15+05:00');
  });

  it('29 February 2028 exists, 2027 has none', () => {
    expect(due('breach-notice', '2028-02-28T12:00', YEKATERINBURG)).toBe('2028-02-29T12:00+05:00');
    expect(due('breach-notice', '2028-02-29T23:30', YEKATERINBURG)).toBe('2028-03-01T23:30+05:00');
    expect(due('breach-report', '2028-02-27T06:00', VLADIVOSTOK)).toBe('2028-03-01T06:00+10:00');
    expect(due('breach-report', '2028-02-28T23:30', KALININGRAD)).toBe('2028-03-02T23:30+02:00');
    expect(due('breach-notice', '2027-02-28T12:00', YEKATERINBURG)).toBe('2027-03-01T12:00+05:00');
  });

  it('runs in absolute hours over a daylight-saving change (Europe/Berlin)', () => {
    // 12:00 CET = 11:00Z; 24 h later is 11:00Z = 13:00 CEST: 23 hours of wall clock.
    expect(due('breach-notice', '2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-29T13:00+02:00');
    expect(due('breach-report', '2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-31T13:00+02:00');
    // 12:00 CEST = 10:00Z; 24 h later is 10:00Z = 11:00 CET.
    expect(due('breach-notice', '2026-10-24T12:00', 'Europe/Berlin')).toBe('2026-10-25T11:00+01:00');
    // The repeated 02:30 is taken as the first one (CEST).
    expect(due('breach-notice', '2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-26T01:30+01:00');
  });

  it('runs in absolute hours over Russia’s own offset change (Yekaterinburg, 26.10.2014)', () => {
    expect(due('breach-notice', '2014-10-25T12:00', YEKATERINBURG)).toBe('2014-10-26T11:00+05:00');
  });
});

describe('timeLeft: to the minute', () => {
  const dueAt = parseInstant('2027-01-01T23:30', YEKATERINBURG);
  const at = (text: string) => timeLeft(dueAt, parseInstant(text, YEKATERINBURG));
  const offsetMs = (ms: number) => timeLeft(dueAt, new Date(dueAt.getTime() + ms));

  it('«осталось 5 ч 12 мин», under six hours is urgent', () => {
    expect(at('2027-01-01T18:18')).toEqual({ overdue: false, urgent: true, totalMinutes: 312, hours: 5, minutes: 12 });
  });

  it('six hours left exactly is not yet urgent, one minute less is', () => {
    expect(at('2027-01-01T17:30')).toEqual({ overdue: false, urgent: false, totalMinutes: 360, hours: 6, minutes: 0 });
    expect(at('2027-01-01T17:31')).toMatchObject({ urgent: true, hours: 5, minutes: 59 });
  });

  it('a full 72-hour clock just started', () => {
    const report = parseInstant('2027-01-03T23:30', YEKATERINBURG);
    expect(timeLeft(report, parseInstant('2026-12-31T23:30', YEKATERINBURG))).toEqual({
      overdue: false,
      urgent: false,
      totalMinutes: 4320,
      hours: 72,
      minutes: 0,
    });
  });

  it('counts whole minutes down; the due instant itself is still in time', () => {
    expect(offsetMs(-59_000)).toEqual({ overdue: false, urgent: true, totalMinutes: 0, hours: 0, minutes: 0 });
    expect(offsetMs(-61_000)).toMatchObject({ overdue: false, minutes: 1 });
    expect(offsetMs(0)).toEqual({ overdue: false, urgent: true, totalMinutes: 0, hours: 0, minutes: 0 });
  });

  it('overdue from the first second after, counted in started minutes', () => {
    expect(offsetMs(1_000)).toEqual({ overdue: true, urgent: true, totalMinutes: 1, hours: 0, minutes: 1 });
    expect(at('2027-01-02T00:35')).toEqual({ overdue: true, urgent: true, totalMinutes: 65, hours: 1, minutes: 5 });
    expect(at('2027-01-03T23:30')).toMatchObject({ overdue: true, hours: 48, minutes: 0 });
  });
});

describe('hourClock', () => {
  it('gives the UI everything for one clock', () => {
    const establishedAt = parseInstant('2026-12-31T23:30', YEKATERINBURG);
    const now = parseInstant('2027-01-01T18:18', YEKATERINBURG);
    expect(hourClock('breach-notice', establishedAt, now, YEKATERINBURG)).toEqual({
      rule: 'breach-notice',
      dueAt: new Date('2027-01-01T18:30:00Z'),
      due: '2027-01-01T23:30+05:00',
      overdue: false,
      urgent: true,
      totalMinutes: 312,
      hours: 5,
      minutes: 12,
    });
    expect(hourClock('breach-report', establishedAt, now, VLADIVOSTOK)).toMatchObject({
      due: '2027-01-04T04:30+10:00',
      urgent: false,
      hours: 53,
      minutes: 12,
    });
  });
});
