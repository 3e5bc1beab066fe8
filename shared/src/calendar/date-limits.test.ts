import { describe, expect, it } from 'vitest';
import { renderMessage } from '../messages/catalogue';
import { futureDateProblem, isLongPast, type PastDateKind } from './date-limits';
import { todayIn } from './deadlines';

/** The refusal as a Russian reader sees it (null when the date is accepted). */
function problem(kind: PastDateKind, date: string, today: string, lang: 'ru' | 'en' = 'ru'): string | null {
  const ref = futureDateProblem(kind, date, today);
  return ref && renderMessage(ref, lang);
}

describe('futureDateProblem', () => {
  it('refuses 30.12.2026 entered on 01.12.2026, naming both dates', () => {
    expect(problem('received', '2026-12-30', '2026-12-01')).toBe(
      'Дата получения 30.12.2026 позже сегодняшней (01.12.2026)',
    );
    expect(problem('received', '2026-12-30', '2026-12-01', 'en')).toBe(
      'The date received 30.12.2026 is after today (01.12.2026)',
    );
  });

  it('accepts today and earlier', () => {
    expect(problem('postmark', '2026-12-01', '2026-12-01')).toBeNull();
    expect(problem('sent', '2026-11-30', '2026-12-01')).toBeNull();
  });

  it('crosses the year boundary: 01.01.2027 is tomorrow on 31.12.2026, today on 01.01.2027', () => {
    expect(problem('received', '2027-01-01', '2026-12-31')).toBe(
      'Дата получения 01.01.2027 позже сегодняшней (31.12.2026)',
    );
    expect(problem('received', '2027-01-01', '2027-01-01')).toBeNull();
    expect(problem('received', '2026-12-31', '2027-01-01')).toBeNull();
  });

  it('counts today in Yekaterinburg, not in UTC', () => {
    // 00:30 on 02.12 in Yekaterinburg is still 01.12 in UTC: 02.12 is today there, not the future.
    const justAfterMidnight = new Date('2026-12-01T19:30:00Z');
    expect(todayIn('Asia/Yekaterinburg', justAfterMidnight)).toBe('2026-12-02');
    expect(problem('received', '2026-12-02', todayIn('Asia/Yekaterinburg', justAfterMidnight))).toBeNull();
    // 23:30 on 01.12 in Yekaterinburg: 02.12 is tomorrow.
    const lateEvening = new Date('2026-12-01T18:30:00Z');
    expect(problem('received', '2026-12-02', todayIn('Asia/Yekaterinburg', lateEvening))).toBe(
      'Дата получения 02.12.2026 позже сегодняшней (01.12.2026)',
    );
  });
});

describe('isLongPast', () => {
  it('warns past 30 days, not at 30', () => {
    expect(isLongPast('2026-11-01', '2026-12-01')).toBe(false);
    expect(isLongPast('2026-10-31', '2026-12-01')).toBe(true);
  });
});
