import { describe, expect, it } from 'vitest';
import { formatInstant, InvalidInstantError, instantProblem, parseInstant, zoneOffsetMinutes } from './instant';

const YEKATERINBURG = 'Asia/Yekaterinburg';
const utc = (text: string) => parseInstant(text, YEKATERINBURG).toISOString();

describe('parseInstant', () => {
  it('reads a wall time without an offset in the operator zone', () => {
    expect(parseInstant('2026-12-31T23:30', YEKATERINBURG).toISOString()).toBe('2026-12-31T18:30:00.000Z');
    expect(parseInstant('2026-12-31T23:30', 'Europe/Kaliningrad').toISOString()).toBe('2026-12-31T21:30:00.000Z');
    expect(parseInstant('2026-12-31T23:30', 'Asia/Vladivostok').toISOString()).toBe('2026-12-31T13:30:00.000Z');
    expect(parseInstant('2028-02-29T00:00', YEKATERINBURG).toISOString()).toBe('2028-02-28T19:00:00.000Z');
  });

  it('takes an explicit offset or Z as written, whatever the operator zone', () => {
    expect(utc('2026-12-31T23:30+03:00')).toBe('2026-12-31T20:30:00.000Z');
    expect(utc('2026-12-31T23:30Z')).toBe('2026-12-31T23:30:00.000Z');
    expect(utc('2026-12-31T23:30-03:30')).toBe('2027-01-01T03:00:00.000Z');
    expect(utc('2026-12-31T01:00+14:00')).toBe('2026-12-30T11:00:00.000Z');
    expect(parseInstant('2026-12-31T23:30+05:00', 'Asia/Vladivostok').toISOString()).toBe('2026-12-31T18:30:00.000Z');
  });

  it('uses the offset the zone had on that date, not today’s', () => {
    // Yekaterinburg was UTC+6 from 2011 until 26.10.2014, UTC+5 since.
    expect(utc('2013-07-01T12:00')).toBe('2013-07-01T06:00:00.000Z');
    expect(utc('2015-07-01T12:00')).toBe('2015-07-01T07:00:00.000Z');
    expect(parseInstant('2026-01-15T12:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(parseInstant('2026-07-15T12:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it('refuses a wall time skipped when clocks jump forward', () => {
    // Berlin, 29.03.2026: 02:00 CET became 03:00 CEST.
    expect(() => parseInstant('2026-03-29T02:30', 'Europe/Berlin')).toThrow(
      '«2026-03-29T02:30»: в поясе Europe/Berlin такого времени не было — часы в ту ночь переводились вперёд; укажите смещение явно',
    );
    expect(parseInstant('2026-03-29T03:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(parseInstant('2026-03-29T02:30+01:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of a wall time that happened twice, so the clock never runs late', () => {
    // Berlin, 25.10.2026: 03:00 CEST became 02:00 CET; 02:30 was 00:30Z and again 01:30Z.
    expect(parseInstant('2026-10-25T02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Yekaterinburg, 26.10.2014: 02:00 (+06) became 01:00 (+05).
    expect(utc('2014-10-26T01:30')).toBe('2014-10-25T19:30:00.000Z');
  });

  it.each([
    ['2026-02-30T10:00', 'date', '«2026-02-30T10:00»: даты 2026-02-30 не существует'],
    ['2027-02-29T10:00', 'date', '«2027-02-29T10:00»: даты 2027-02-29 не существует'],
    ['2026-04-31T10:00', 'date', '«2026-04-31T10:00»: даты 2026-04-31 не существует'],
    ['2026-01-00T10:00', 'date', '«2026-01-00T10:00»: даты 2026-01-00 не существует'],
    ['2026-13-01T10:00', 'month', '«2026-13-01T10:00»: месяц должен быть от 01 до 12'],
    ['2026-00-10T10:00', 'month', '«2026-00-10T10:00»: месяц должен быть от 01 до 12'],
    ['2026-12-31T24:00', 'hour', '«2026-12-31T24:00»: час должен быть от 00 до 23 (полночь — 00:00 следующего дня)'],
    ['2026-12-31T23:60', 'minute', '«2026-12-31T23:60»: минуты должны быть от 00 до 59'],
    ['1999-12-31T23:30', 'year', '«1999-12-31T23:30»: год 1999 вне допустимого диапазона 2000–2100'],
    ['2101-01-01T00:00', 'year', '«2101-01-01T00:00»: год 2101 вне допустимого диапазона 2000–2100'],
    ['0026-12-31T23:30', 'year', '«0026-12-31T23:30»: год 26 вне допустимого диапазона 2000–2100'],
    ['2026-12-31T23:30+15:00', 'offset', '«2026-12-31T23:30+15:00»: смещение +15:00 вне диапазона −12:00…+14:00'],
    ['2026-12-31T23:30-12:30', 'offset', '«2026-12-31T23:30-12:30»: смещение -12:30 вне диапазона −12:00…+14:00'],
    ['2026-12-31T23:30+05:60', 'offset', '«2026-12-31T23:30+05:60»: смещение +05:60 вне диапазона −12:00…+14:00'],
  ])('refuses %s (%s)', (text, code, message) => {
    expect(() => parseInstant(text, YEKATERINBURG)).toThrow(message);
    expect(() => parseInstant(text, YEKATERINBURG)).toThrow(expect.objectContaining({ code, value: text }));
    expect(instantProblem(text)).toBe(message);
  });

  it.each([
    '2026-12-31',
    '2026-12-31 23:30',
    '2026-12-31T23:30:00',
    '2026-12-31t23:30',
    '2026-12-31T23:30z',
    '2026-12-31T23:30+0500',
    '2026-12-31T23:30+05',
    '2026-12-31T9:30',
    '31.12.2026 23:30',
    ' 2026-12-31T23:30',
    '2026-12-31T23:30\u0000',
    '',
  ])('refuses %j as not an instant', (text) => {
    const message = `«${text}» — не момент времени: ожидается ГГГГ-ММ-ДДTЧЧ:ММ, при необходимости со смещением (+05:00) или Z`;
    expect(() => parseInstant(text, YEKATERINBURG)).toThrow(new InvalidInstantError(text, 'format', message));
    expect(instantProblem(text)).toBe(message);
  });

  it('refuses an unknown operator zone, with or without an offset in the text', () => {
    expect(() => parseInstant('2026-12-31T23:30', 'Mars/Olympus')).toThrow('Неизвестный часовой пояс «Mars/Olympus»');
    expect(() => parseInstant('2026-12-31T23:30Z', 'Mars/Olympus')).toThrow('Неизвестный часовой пояс «Mars/Olympus»');
  });

  it('instantProblem accepts what parseInstant accepts', () => {
    expect(instantProblem('2028-02-29T23:59')).toBeNull();
    expect(instantProblem('2100-12-31T23:59-12:00')).toBeNull();
    expect(instantProblem('2000-01-01T00:00Z')).toBeNull();
  });
});

describe('formatInstant', () => {
  const at = new Date('2026-12-31T18:30:00Z');

  it('prints the wall time of the operator zone with its offset', () => {
    expect(formatInstant(at, YEKATERINBURG)).toBe('2026-12-31T23:30+05:00');
    expect(formatInstant(at, 'Europe/Kaliningrad')).toBe('2026-12-31T20:30+02:00');
    expect(formatInstant(at, 'Asia/Vladivostok')).toBe('2027-01-01T04:30+10:00');
    expect(formatInstant(at, 'UTC')).toBe('2026-12-31T18:30+00:00');
    expect(formatInstant(at, 'America/St_Johns')).toBe('2026-12-31T15:00-03:30');
  });

  it('prints the offset in force at that instant', () => {
    expect(formatInstant(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59+01:00');
    expect(formatInstant(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00+02:00');
    expect(formatInstant(new Date('2014-10-25T19:30:00Z'), YEKATERINBURG)).toBe('2014-10-26T01:30+06:00');
    expect(formatInstant(new Date('2014-10-25T20:30:00Z'), YEKATERINBURG)).toBe('2014-10-26T01:30+05:00');
  });

  it('drops seconds instead of rounding up to the next minute', () => {
    expect(formatInstant(new Date('2026-12-31T18:30:59.999Z'), YEKATERINBURG)).toBe('2026-12-31T23:30+05:00');
  });

  it('round-trips with parseInstant', () => {
    for (const text of ['2027-01-01T23:30+05:00', '2026-10-25T02:30+01:00', '2028-02-29T00:00+05:00']) {
      const zone = text.endsWith('+01:00') ? 'Europe/Berlin' : YEKATERINBURG;
      expect(formatInstant(parseInstant(text, zone), zone)).toBe(text);
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => formatInstant(new Date(Number.NaN), YEKATERINBURG)).toThrow('Некорректный момент времени');
  });
});

describe('zoneOffsetMinutes', () => {
  it('reads the offset from the time zone data', () => {
    expect(zoneOffsetMinutes(YEKATERINBURG, new Date('2026-12-31T18:30:00Z'))).toBe(300);
    expect(zoneOffsetMinutes(YEKATERINBURG, new Date('2013-12-31T18:30:00Z'))).toBe(360);
    expect(zoneOffsetMinutes('Europe/Kaliningrad', new Date('2026-06-01T00:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Asia/Vladivostok', new Date('2026-06-01T00:00:00Z'))).toBe(600);
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-06-01T00:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('America/St_Johns', new Date('2026-01-01T00:00:00Z'))).toBe(-210);
  });
});
