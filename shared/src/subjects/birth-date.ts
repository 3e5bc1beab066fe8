// Birth dates as letters and forms write them, to ISO 'YYYY-MM-DD'.
//
// Two-digit years: «12.03.85» is 1985 and «12.03.19» is 2019 (the clinic treats children): the year is 20YY unless
// that date is still in the future, then 19YY. Nobody is born in the future or before 1900, so such dates are refused.

import { todayIn } from '../calendar/deadlines';
import { isIsoDate } from '../calendar/iso-date';

const OPERATOR_TIME_ZONE = 'Asia/Yekaterinburg';
const EARLIEST = '1900-01-01';

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

interface DateParts {
  day: string;
  month: string;
  year: string;
}

interface DateShape {
  source: string;
  parts: (groups: readonly (string | undefined)[]) => DateParts;
}

// Each shape keeps one separator throughout. A two-digit year only with . or /: «45-67-89» is a phone's tail.
const SHAPES: readonly DateShape[] = [
  {
    source: `(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`,
    parts: (m) => ({
      day: m[1] ?? '',
      month: String(MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1),
      year: m[3] ?? '',
    }),
  },
  {
    source: '(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})',
    parts: (m) => ({ day: m[4] ?? '', month: m[3] ?? '', year: m[1] ?? '' }),
  },
  {
    source: '(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})',
    parts: (m) => ({ day: m[1] ?? '', month: m[3] ?? '', year: m[4] ?? '' }),
  },
  {
    source: '(\\d{1,2})([./])(\\d{1,2})\\2(\\d{2})',
    parts: (m) => ({ day: m[1] ?? '', month: m[3] ?? '', year: m[4] ?? '' }),
  },
];

// A date is not a piece of a longer run of digits and separators (a phone, an IP address).
const BEFORE = '(?<!\\d[./-]?)';
const AFTER = '(?![./-]?\\d)';

function toIso({ day, month, year }: DateParts, today: string): string | null {
  const pad = (s: string) => s.padStart(2, '0');
  let iso = `${year}-${pad(month)}-${pad(day)}`;
  if (year.length === 2) {
    iso = `20${iso}`;
    if (iso > today) iso = `19${iso.slice(2)}`;
  }
  return isIsoDate(iso) && iso >= EARLIEST && iso <= today ? iso : null;
}

/** The operator's today, as the default end of the range of possible birth dates. */
export function operatorToday(): string {
  return todayIn(OPERATOR_TIME_ZONE);
}

/** '12.03.1985', '12/03/1985', '1985-03-12', '12.03.85', '12 марта 1985' → '1985-03-12'; anything else → null. */
export function parseBirthDate(text: string, today: string = operatorToday()): string | null {
  const trimmed = text.trim();
  for (const [shape, whole] of WHOLE_SHAPES) {
    const m = whole.exec(trimmed);
    if (m) return toIso(shape.parts(m), today);
  }
  return null;
}

// Compiled once: an import parses a birth date per row, a million times.
const WHOLE_SHAPES = SHAPES.map((shape) => [shape, new RegExp(`^${shape.source}$`, 'iu')] as const);

/**
 * The birth dates in a text, in text order, and the text with every date-shaped piece replaced by a space,
 * impossible ones («31.02.1985») included: they are dates gone wrong, not phone fragments.
 */
export function extractBirthDates(text: string, today: string = operatorToday()): { dates: string[]; rest: string } {
  const found: { start: number; end: number; iso: string | null }[] = [];
  for (const shape of SHAPES) {
    for (const m of text.matchAll(new RegExp(`${BEFORE}${shape.source}${AFTER}`, 'giu'))) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, iso: toIso(shape.parts(m), today) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const dates = [...new Set(found.flatMap((f) => (f.iso === null ? [] : [f.iso])))];
  const rest = found.reduceRight((acc, f) => `${acc.slice(0, f.start)} ${acc.slice(f.end)}`, text);
  return { dates, rest };
}
