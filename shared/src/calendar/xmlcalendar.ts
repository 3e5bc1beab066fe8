import { type CalendarYearJson, calendarYearSchema } from './calendar.schemas';
import { isIsoDate, isWeekend } from './iso-date';
import { computeYearStats } from './year-stats';

/**
 * Import of the public xmlcalendar.ru format (github.com/xmlcalendar/data, ru/<year>/calendar.xml):
 * `<day d="MM.DD" t="1|2|3" [h="holiday id"] [f="MM.DD the day off was moved from"]/>`.
 * t=1 non-working, t=2 shortened working day, t=3 working Saturday/Sunday; unlisted days follow
 * the 5-day week.
 */

export class XmlCalendarParseError extends Error {
  override readonly name = 'XmlCalendarParseError';

  constructor(detail: string) {
    super(`Не удалось прочитать производственный календарь xmlcalendar: ${detail}`);
  }
}

export interface XmlCalendarOptions {
  /** Set only after checking the days against the government decree on day transfers. */
  verified?: boolean;
  source?: string;
}

const ATTRIBUTE = /([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const MONTH_DAY = /^(\d{2})\.(\d{2})$/;

function attributes(tagBody: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tagBody.matchAll(ATTRIBUTE)) {
    found.set(match[1] ?? '', (match[2] ?? match[3] ?? '').trim());
  }
  return found;
}

function isoFromMonthDay(value: string | undefined, year: number, where: string): string {
  const match = MONTH_DAY.exec(value ?? '');
  const iso = match ? `${year}-${match[1]}-${match[2]}` : '';
  if (!isIsoDate(iso)) {
    throw new XmlCalendarParseError(`${where}: «${value ?? ''}» — не дата ММ.ДД ${year} года`);
  }
  return iso;
}

export function parseXmlCalendar(xml: string, options: XmlCalendarOptions = {}): CalendarYearJson {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const calendarTag = /<calendar\b([^>]*)>/.exec(text);
  if (!calendarTag) throw new XmlCalendarParseError('нет тега <calendar>');
  // A cut-off download would otherwise import as a year with half its holidays missing.
  if (!/<\/calendar\s*>/.test(text)) throw new XmlCalendarParseError('файл обрывается: нет закрывающего </calendar>');

  const calendarAttributes = attributes(calendarTag[1] ?? '');
  const yearText = calendarAttributes.get('year') ?? '';
  if (!/^\d{4}$/.test(yearText)) {
    throw new XmlCalendarParseError(`атрибут year тега <calendar> должен быть годом, получено «${yearText}»`);
  }
  const year = Number(yearText);
  const country = calendarAttributes.get('country');
  if (country !== undefined && country.toLowerCase() !== 'ru') {
    throw new XmlCalendarParseError(`календарь страны «${country}», а нужен российский (ru)`);
  }

  const types = new Map<string, string>();
  const transferredFrom = new Set<string>();
  for (const match of text.matchAll(/<day\b([^>]*)>/g)) {
    const day = attributes(match[1] ?? '');
    const date = isoFromMonthDay(day.get('d'), year, '<day d>');
    const type = day.get('t') ?? '';
    if (!['1', '2', '3'].includes(type)) {
      throw new XmlCalendarParseError(`<day d="${day.get('d')}">: тип дня t="${type}", ожидается 1, 2 или 3`);
    }
    if (types.has(date)) throw new XmlCalendarParseError(`день ${date} указан дважды`);
    types.set(date, type);
    if (day.has('f')) transferredFrom.add(isoFromMonthDay(day.get('f'), year, `<day d="${day.get('d')}" f>`));
  }
  if (types.size === 0) throw new XmlCalendarParseError('нет ни одного тега <day>');

  const datesOfType = (type: string) => [...types].filter(([, t]) => t === type).map(([date]) => date);
  // Older files (2024) leave a working Saturday implicit: it appears only as the `f` of the weekday
  // that took its day off. A weekend `f` that is itself non-working is a holiday moved off a weekend.
  const impliedWorkingWeekends = [...transferredFrom].filter((date) => isWeekend(date) && !types.has(date));
  const days = {
    year,
    holidays: datesOfType('1')
      .filter((date) => !isWeekend(date))
      .sort(),
    workingWeekends: [...datesOfType('2'), ...datesOfType('3'), ...impliedWorkingWeekends].filter(isWeekend).sort(),
    shortened: datesOfType('2').sort(),
  };
  const generated = calendarAttributes.get('date');
  const result: CalendarYearJson = {
    year,
    status: options.verified
      ? 'verified'
      : 'provisional: импортирован из xmlcalendar.ru, не сверен с постановлением о переносе выходных дней',
    source: options.source ?? `xmlcalendar.ru calendar.xml${generated ? ` от ${generated}` : ''}`,
    holidays: days.holidays,
    workingWeekends: days.workingWeekends,
    shortened: days.shortened,
    stats: computeYearStats(days),
  };

  const checked = calendarYearSchema.safeParse(result);
  if (!checked.success) {
    throw new XmlCalendarParseError(checked.error.issues.map((issue) => issue.message).join('; '));
  }
  return result;
}
