import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock';

describe('clock', () => {
  it('a fixed clock gives the same instant and the date in its own zone', () => {
    // 20:30 UTC on 31 Dec is already 1 Jan in Yekaterinburg (UTC+5).
    const clock = fixedClock('2026-12-31T20:30:00Z', 'Asia/Yekaterinburg');
    expect(clock.today()).toBe('2027-01-01');
    expect(fixedClock('2026-12-31T20:30:00Z', 'Europe/Moscow').today()).toBe('2026-12-31');
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-12-31T20:30:00.000Z');
  });

  it('refuses an instant that is not one', () => {
    expect(() => fixedClock('not a date', 'Asia/Yekaterinburg')).toThrow(/not an instant/);
  });

  it('the system clock follows real time', () => {
    const before = Date.now();
    const now = systemClock('Asia/Yekaterinburg').now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(5_000);
  });
});
