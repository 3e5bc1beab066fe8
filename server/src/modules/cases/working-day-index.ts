import { addDays, datesOfYear, yearOf } from '@pd-desk/shared/calendar/iso-date';
import { CalendarYearMissingError, type ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';

/**
 * ProductionCalendar.workingDaysBetween walks day by day; a queue page asks it for every row. This
 * index answers the same question with two binary searches over the sorted working days of the
 * loaded years, built once per calendar instance (the calendar itself is cached).
 */
type Index = { years: ReadonlySet<number>; days: readonly string[] };

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const indexes = new WeakMap<ProductionCalendar, Index>();

function indexOf(calendar: ProductionCalendar): Index {
  let index = indexes.get(calendar);
  if (!index) {
    const years = new Set<number>();
    const days: string[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      if (!calendar.hasYear(year)) continue;
      years.add(year);
      for (const date of datesOfYear(year)) if (calendar.isWorkingDay(date)) days.push(date);
    }
    index = { years, days };
    indexes.set(calendar, index);
  }
  return index;
}

/** How many working days are ≤ iso (ISO dates sort as strings). */
function rank(days: readonly string[], iso: string): number {
  let [low, high] = [0, days.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((days[mid] ?? '') <= iso) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Same contract as ProductionCalendar.workingDaysBetween, including CalendarYearMissingError. */
export function fastWorkingDaysBetween(calendar: ProductionCalendar, fromIso: string, toIso: string): number {
  const { years, days } = indexOf(calendar);
  if (fromIso === toIso) return 0;
  const [start, end] = fromIso < toIso ? [fromIso, toIso] : [toIso, fromIso];
  // The days counted are those after `start`, as in the day-by-day walk.
  for (let year = yearOf(addDays(start, 1)); year <= yearOf(end); year++) {
    if (!years.has(year)) throw new CalendarYearMissingError(year);
  }
  const count = rank(days, end) - rank(days, start);
  return fromIso < toIso ? count : -Math.max(1, count);
}
