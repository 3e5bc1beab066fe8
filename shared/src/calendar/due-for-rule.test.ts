import { describe, expect, it, vi } from 'vitest';
import { computeDeadline, type Deadline, DeadlineRuleError } from './deadlines';
import { type DayDeadline, dueForRule, dueFromProblem } from './due-for-rule';
import { InvalidInstantError } from './instant';
import { InvalidIsoDateError } from './iso-date';
import { defaultCalendar, ProductionCalendar } from './production-calendar';

const calendar = defaultCalendar();
const options = { timeZone: 'Asia/Yekaterinburg', calendar };

describe('dueForRule', () => {
  it('an hour rule answers an instant in the operator zone', () => {
    expect(dueForRule('breach-notice', '2026-12-31T23:30', options)).toEqual({
      kind: 'instant',
      rule: 'breach-notice',
      text: '2027-01-01T23:30+05:00',
      dueAt: new Date('2027-01-01T18:30:00Z'),
    });
    expect(dueForRule('breach-report', '2026-12-31T23:30', options).text).toBe('2027-01-03T23:30+05:00');
    expect(dueForRule('breach-report', '2026-12-31T18:30Z', { ...options, timeZone: 'Europe/Kaliningrad' }).text).toBe(
      '2027-01-03T20:30+02:00',
    );
  });

  it('an hour rule never consults the production calendar', () => {
    const empty = new ProductionCalendar([]);
    expect(dueForRule('breach-notice', '2099-12-31T23:30', { ...options, calendar: empty }).text).toBe(
      '2100-01-01T23:30+05:00',
    );
  });

  it('a day rule answers the date computeDeadline gives', () => {
    const expected = computeDeadline(calendar, { rule: 'access', receivedOn: '2026-12-30' });
    expect(dueForRule('access', '2026-12-30', options)).toEqual({
      kind: 'date',
      rule: 'access',
      text: '2027-01-22',
      deadline: expected,
    });
    expect(dueForRule('access', '2026-12-30', { ...options, extended: true }).text).toBe(
      computeDeadline(calendar, { rule: 'access', receivedOn: '2026-12-30', extended: true }).dueOn,
    );
  });

  it('passes a day rule to the caller’s dayDeadline, so the server keeps its own refusals', () => {
    const fixed: Deadline = {
      rule: 'withdrawal',
      dueOn: '2027-01-30',
      extended: false,
      provisional: true,
      landsOnNonWorkingDay: true,
    };
    const dayDeadline = vi.fn<DayDeadline>(() => fixed);
    expect(dueForRule('withdrawal', '2026-12-31', { ...options, dayDeadline }).text).toBe('2027-01-30');
    expect(dayDeadline).toHaveBeenCalledWith(calendar, {
      rule: 'withdrawal',
      receivedOn: '2026-12-31',
      extended: false,
    });
    dueForRule('breach-notice', '2026-12-31T23:30', { ...options, dayDeadline });
    expect(dayDeadline).toHaveBeenCalledTimes(1);
  });

  it('refuses to extend an hour clock, citing the article', () => {
    const attempt = () => dueForRule('breach-notice', '2026-12-31T23:30', { ...options, extended: true });
    expect(attempt).toThrow(DeadlineRuleError);
    expect(attempt).toThrow(
      'Срок «Уведомление Роскомнадзора об инциденте с персональными данными» (ст. 21 ч. 3.1 п. 1 152-ФЗ) продлению не подлежит',
    );
    expect(attempt).toThrow(expect.objectContaining({ rule: 'breach-notice', code: 'not-extendable' }));
  });

  it('refuses a `from` of the wrong kind for the rule', () => {
    expect(() => dueForRule('breach-notice', '2026-12-31', options)).toThrow(InvalidInstantError);
    expect(() => dueForRule('access', '2026-12-31T23:30', options)).toThrow(
      new InvalidIsoDateError('2026-12-31T23:30'),
    );
    expect(() => dueForRule('breach-report', '2026-12-31T24:00', options)).toThrow(
      '«2026-12-31T24:00»: час должен быть от 00 до 23 (полночь — 00:00 следующего дня)',
    );
  });
});

describe('dueFromProblem', () => {
  it('checks `from` by the rule’s kind without a zone', () => {
    expect(dueFromProblem('breach-notice', '2026-12-31T23:30')).toBeNull();
    expect(dueFromProblem('breach-report', '2026-12-31T23:30+03:00')).toBeNull();
    expect(dueFromProblem('access', '2026-12-31')).toBeNull();
    expect(dueFromProblem('access', '2026-12-31T23:30')).toBe('«2026-12-31T23:30» — не дата в формате ГГГГ-ММ-ДД');
    expect(dueFromProblem('breach-notice', '2026-02-30T10:00')).toBe(
      '«2026-02-30T10:00»: даты 2026-02-30 не существует',
    );
    expect(dueFromProblem('breach-notice', '2026-12-31')).toBe(
      '«2026-12-31» — не момент времени: ожидается ГГГГ-ММ-ДДTЧЧ:ММ, при необходимости со смещением (+05:00) или Z',
    );
  });
});
