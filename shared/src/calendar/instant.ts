/**
 * Instants for clocks in hours, written `YYYY-MM-DDTHH:MM` in the operator's zone, or with an
 * explicit offset (`+05:00`) or `Z`. Arithmetic happens on UTC instants; a zone is consulted only
 * to turn wall time into an instant and back, through Intl's time zone data, so an offset change
 * (daylight saving elsewhere, Russia's own 2011 and 2014 switches) is read from the data, never assumed.
 */
import { isIsoDate } from './iso-date';
import { formatPerZone } from './zone-format';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Earlier is a typo or a test date; later is beyond any calendar PD Desk ships or checks. */
export const INSTANT_YEAR_RANGE = { min: 2000, max: 2100 } as const;
// The real range of UTC offsets in the time zone database.
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

export type InvalidInstantCode = 'format' | 'year' | 'month' | 'date' | 'hour' | 'minute' | 'offset' | 'gap';

export class InvalidInstantError extends RangeError {
  override readonly name = 'InvalidInstantError';

  constructor(
    readonly value: string,
    readonly code: InvalidInstantCode,
    message: string,
  ) {
    super(message);
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes east of UTC as written in the text; null: wall time in the operator's zone. */
  offsetMinutes: number | null;
}

function readWallTime(text: string): WallTime {
  const fail = (code: InvalidInstantCode, reason: string) =>
    new InvalidInstantError(text, code, `«${text}»: ${reason}`);
  const match = INSTANT.exec(text);
  if (!match) {
    throw new InvalidInstantError(
      text,
      'format',
      `«${text}» — не момент времени: ожидается ГГГГ-ММ-ДДTЧЧ:ММ, при необходимости со смещением (+05:00) или Z`,
    );
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const { min, max } = INSTANT_YEAR_RANGE;
  if (year < min || year > max) throw fail('year', `год ${year} вне допустимого диапазона ${min}–${max}`);
  if (month < 1 || month > 12) throw fail('month', `месяц должен быть от 01 до 12`);
  const date = text.slice(0, 10);
  if (!isIsoDate(date)) throw fail('date', `даты ${date} не существует`);
  if (hour > 23) throw fail('hour', `час должен быть от 00 до 23 (полночь — 00:00 следующего дня)`);
  if (minute > 59) throw fail('minute', `минуты должны быть от 00 до 59`);
  return { year, month, day, hour, minute, offsetMinutes: readOffset(match[6], fail) };
}

function readOffset(
  written: string | undefined,
  fail: (code: InvalidInstantCode, reason: string) => InvalidInstantError,
): number | null {
  if (written === undefined) return null;
  if (written === 'Z') return 0;
  const [hours, minutes] = written.slice(1).split(':').map(Number) as [number, number];
  const total = (written.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  if (minutes > 59 || total < MIN_OFFSET_MINUTES || total > MAX_OFFSET_MINUTES) {
    throw fail('offset', `смещение ${written} вне диапазона −12:00…+14:00`);
  }
  return total;
}

/** For a schema refinement: the zone-independent problem with the text, or null. */
export function instantProblem(text: string): string | null {
  try {
    readWallTime(text);
    return null;
  } catch (error) {
    if (error instanceof InvalidInstantError) return error.message;
    throw error;
  }
}

// en-US with h23: Latin digits, and midnight is 00, not 24.
const wallFormatFor = formatPerZone('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The wall clock of the zone at the instant, read back as if it were UTC: the offset is the difference. */
function wallAsUtc(timeZone: string, epochMs: number): number {
  const parts = wallFormatFor(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  wall.setUTCHours(part('hour'), part('minute'), part('second'));
  return wall.getTime();
}

/** Minutes east of UTC in the zone at that instant (Asia/Yekaterinburg: 300). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const epochMs = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc(timeZone, epochMs) - epochMs) / MS_PER_MINUTE);
}

/**
 * The instant a wall time in the zone names. A zone's offset does not change twice within two
 * days, so the offsets a day either side are the only candidates. A wall time skipped by a jump
 * forward is refused; one that happens twice (a jump back) is the earlier, so a clock started
 * from it never runs late.
 */
function wallTimeToInstant(text: string, wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = new Set(
    [-MS_PER_DAY, MS_PER_DAY].map((shift) => zoneOffsetMinutes(timeZone, new Date(asUtc + shift))),
  );
  const matching = [...offsets]
    .map((offset) => asUtc - offset * MS_PER_MINUTE)
    .filter((epochMs) => wallAsUtc(timeZone, epochMs) === asUtc);
  if (matching.length === 0) {
    throw new InvalidInstantError(
      text,
      'gap',
      `«${text}»: в поясе ${timeZone} такого времени не было — часы в ту ночь переводились вперёд; укажите смещение явно`,
    );
  }
  return new Date(Math.min(...matching));
}

/** Parses `YYYY-MM-DDTHH:MM[±HH:MM|Z]`; without an offset the wall time is in `timeZone`. */
export function parseInstant(text: string, timeZone: string): Date {
  const wall = readWallTime(text);
  if (wall.offsetMinutes === null) return wallTimeToInstant(text, wall, timeZone);
  wallFormatFor(timeZone); // an unknown operator zone is refused here too, not only on output
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return new Date(asUtc - wall.offsetMinutes * MS_PER_MINUTE);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM±HH:MM`, the wall time in the zone with the zone's offset at that instant; seconds are dropped. */
export function formatInstant(at: Date, timeZone: string): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('Некорректный момент времени');
  const offset = zoneOffsetMinutes(timeZone, at);
  const wall = new Date(at.getTime() + offset * MS_PER_MINUTE);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
