/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic goes through UTC midnights so that the
 * server's own time zone and daylight-saving shifts can never move a date.
 * ISO strings of four-digit years sort lexicographically in date order, so `<` compares them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS_RU = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

export class InvalidIsoDateError extends RangeError {
  override readonly name = 'InvalidIsoDateError';

  constructor(readonly value: string) {
    super(`«${value}» — не дата в формате ГГГГ-ММ-ДД`);
  }
}

function utcDate(year: number, monthIndex: number, day: number): Date {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Returns the UTC midnight of the date, or null for anything that is not a real calendar date. */
function utcMidnight(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcDate(year, month - 1, day);
  // Date rolls 2025-02-30 over to March; a round trip exposes it.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : null;
}

function toMs(iso: string): number {
  const ms = utcMidnight(iso);
  if (ms === null) throw new InvalidIsoDateError(iso);
  return ms;
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return utcMidnight(value) !== null;
}

export function assertIsoDate(value: string): void {
  toMs(value);
}

export function yearOf(iso: string): number {
  toMs(iso);
  return Number(iso.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(iso: string): number {
  return new Date(toMs(iso)).getUTCDay();
}

export function weekdayNameRu(iso: string): string {
  return WEEKDAYS_RU[dayOfWeek(iso)] ?? '';
}

export function isWeekend(iso: string): boolean {
  const day = dayOfWeek(iso);
  return day === 0 || day === 6;
}

export function addDays(iso: string, days: number): string {
  return fromMs(toMs(iso) + days * MS_PER_DAY);
}

/** Civil-law month arithmetic (ГК РФ ст. 192): the same day N months later, or that month's last day. */
export function addMonths(iso: string, months: number): string {
  const start = new Date(toMs(iso));
  const monthNumber = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const [year, monthIndex] = [Math.floor(monthNumber / 12), monthNumber % 12];
  const monthLength = utcDate(year, monthIndex + 1, 0).getUTCDate();
  return fromMs(utcDate(year, monthIndex, Math.min(start.getUTCDate(), monthLength)).getTime());
}

export function datesOfYear(year: number): string[] {
  const dates: string[] = [];
  for (let date = `${String(year).padStart(4, '0')}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}
