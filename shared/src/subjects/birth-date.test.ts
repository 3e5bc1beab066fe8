import { describe, expect, it } from 'vitest';
import { extractBirthDates, parseBirthDate } from './birth-date';

const TODAY = '2025-11-25';

describe('parseBirthDate', () => {
  it.each([
    ['12.03.1985', '1985-03-12'],
    ['12/03/1985', '1985-03-12'],
    ['12-03-1985', '1985-03-12'],
    ['1985-03-12', '1985-03-12'],
    ['1985.03.12', '1985-03-12'],
    ['2.3.1985', '1985-03-02'],
    [' 12.03.1985 ', '1985-03-12'],
    ['12 марта 1985', '1985-03-12'],
    ['1 Января 2000', '2000-01-01'],
    ['29.02.2024', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseBirthDate(text, TODAY)).toBe(iso);
  });

  it('reads a two-digit year as the latest year that is not in the future', () => {
    expect(parseBirthDate('12.03.85', TODAY)).toBe('1985-03-12');
    expect(parseBirthDate('12/03/19', TODAY)).toBe('2019-03-12');
    expect(parseBirthDate('25.11.25', TODAY)).toBe('2025-11-25');
    expect(parseBirthDate('26.11.25', TODAY)).toBe('1925-11-26');
    expect(parseBirthDate('12.03.00', TODAY)).toBe('2000-03-12');
  });

  it.each([
    '31.02.1985',
    '29.02.2023',
    '12.13.1985',
    '00.03.1985',
    '12.03.1899',
    '26.11.2025',
    '12-03-85',
    '12.03-1985',
    '1985-03-12T10:00',
    '121.03.1985',
    '12 мартобря 1985',
    '1985',
    '',
  ])('%s → null', (text) => {
    expect(parseBirthDate(text, TODAY)).toBeNull();
  });
});

describe('extractBirthDates', () => {
  it('takes dates out of a text, glued letters and all', () => {
    expect(extractBirthDates('Иванова 12.03.1985г.р., 1990-01-02', TODAY)).toEqual({
      dates: ['1985-03-12', '1990-01-02'],
      rest: 'Иванова  г.р.,  ',
    });
    expect(extractBirthDates('род. 12 марта 1985 г.', TODAY)).toEqual({ dates: ['1985-03-12'], rest: 'род.   г.' });
  });

  it('drops impossible dates and keeps one copy of repeated ones', () => {
    expect(extractBirthDates('31.02.1985 12.03.85 12.03.1985', TODAY)).toEqual({
      dates: ['1985-03-12'],
      rest: ' '.repeat(5),
    });
  });

  it('leaves digits that belong to phones', () => {
    const phones = '8-912-345-67-89 912.345.67.89 45-67-89';
    expect(extractBirthDates(phones, TODAY)).toEqual({ dates: [], rest: phones });
  });
});
