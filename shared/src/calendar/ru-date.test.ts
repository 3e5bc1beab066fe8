import { describe, expect, it } from 'vitest';
import { ruDate } from './ru-date';

describe('ruDate', () => {
  it('writes an ISO date day first, with dots and leading zeros kept', () => {
    expect(ruDate('2026-12-30')).toBe('30.12.2026');
    expect(ruDate('2027-01-09')).toBe('09.01.2027');
  });
});
