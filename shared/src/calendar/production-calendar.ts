import { type CalendarYear, calendarYearSchema } from './calendar.schemas';
import ru2024 from './data/ru-2024.json';
import ru2025 from './data/ru-2025.json';
import ru2026 from './data/ru-2026.json';
import ru2027 from './data/ru-2027.json';
import { addDays, assertIsoDate, isWeekend, yearOf } from './iso-date';

export class CalendarYearMissingError extends Error {
  override readonly name = 'CalendarYearMissingError';

  constructor(readonly year: number) {
    super(`Производственный календарь на ${year} год не загружен — срок не может быть рассчитан`);
  }
}

interface LoadedYear {
  verified: boolean;
  holidays: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

/**
 * Working days by the official production calendar (5-day week). Transfers differ every year, so a
 * date in a year that was not loaded throws instead of falling back to "Mon–Fri": a guessed due
 * date would look exactly as trustworthy as a real one.
 */
export class ProductionCalendar {
  readonly #years = new Map<number, LoadedYear>();

  constructor(years: readonly CalendarYear[]) {
    for (const { year, verified, holidays, workingWeekends } of years) {
      if (this.#years.has(year)) {
        throw new Error(`Производственный календарь на ${year} год передан дважды`);
      }
      this.#years.set(year, { verified, holidays: new Set(holidays), workingWeekends: new Set(workingWeekends) });
    }
  }

  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  isVerified(year: number): boolean {
    return this.#year(year).verified;
  }

  isWorkingDay(isoDate: string): boolean {
    const year = this.#year(yearOf(isoDate));
    if (year.holidays.has(isoDate)) return false;
    return isWeekend(isoDate) ? year.workingWeekends.has(isoDate) : true;
  }

  /** The n-th working day after `fromIso`; the start day itself never counts (152-ФЗ terms run from the next day). */
  addWorkingDays(fromIso: string, n: number): string {
    assertIsoDate(fromIso);
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Число рабочих дней должно быть целым и неотрицательным, получено ${n}`);
    }
    let date = fromIso;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }

  /** The first working day strictly after `isoDate`. */
  nextWorkingDay(isoDate: string): string {
    return this.addWorkingDays(isoDate, 1);
  }

  /**
   * Working days after `fromIso` up to and including `toIso` — "осталось N рабочих дней" with
   * from = today, to = due date. When `toIso` is earlier the result is negative and never 0: a due
   * date that passed on Friday must not read as "due today" on Saturday, when no working day has
   * elapsed since.
   */
  workingDaysBetween(fromIso: string, toIso: string): number {
    assertIsoDate(fromIso);
    assertIsoDate(toIso);
    if (fromIso === toIso) return 0;
    if (fromIso < toIso) return this.#countAfter(fromIso, toIso);
    return -Math.max(1, this.#countAfter(toIso, fromIso));
  }

  #countAfter(fromIso: string, toIso: string): number {
    let count = 0;
    for (let date = addDays(fromIso, 1); date <= toIso; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }

  #year(year: number): LoadedYear {
    const loaded = this.#years.get(year);
    if (!loaded) throw new CalendarYearMissingError(year);
    return loaded;
  }
}

/** The years shipped with PD Desk; an admin-loaded year for the same number should replace its entry. */
export const bundledCalendarYears: readonly CalendarYear[] = [ru2024, ru2025, ru2026, ru2027].map((year) =>
  calendarYearSchema.parse(year),
);

export function defaultCalendar(): ProductionCalendar {
  return new ProductionCalendar(bundledCalendarYears);
}
