import type { ImportCalendarInput } from '@pd-desk/shared/calendar/calendar.schemas';
import { type CalendarYear, calendarYearSchema } from '@pd-desk/shared/calendar/calendar.schemas';
import { bundledCalendarYears, ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { parseXmlCalendar, XmlCalendarParseError } from '@pd-desk/shared/calendar/xmlcalendar';
import { computeYearStats } from '@pd-desk/shared/calendar/year-stats';
import { msg, renderText } from '@pd-desk/shared/messages/catalogue';
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { calendarYears } from '../../db/schema/calendar';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { caseDeadline, type DeadlineInputs, recomputeOpenDeadlines } from '../cases/case-deadline';
import { writeCalendarSnapshot } from './calendar-snapshot';

type CalendarYearRow = typeof calendarYears.$inferSelect;

function rowToYear(row: CalendarYearRow): CalendarYear {
  return {
    year: row.year,
    verified: row.verified,
    statusNote: row.statusNote,
    source: row.source,
    holidays: row.holidays,
    workingWeekends: row.workingWeekends,
    shortened: row.shortened,
  };
}

/** Bundled years, each replaced by the admin's year of the same number when there is one. */
export function effectiveYears(adminYears: readonly CalendarYear[]): CalendarYear[] {
  const byYear = new Map<number, CalendarYear>(bundledCalendarYears.map((year) => [year.year, year]));
  for (const year of adminYears) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The years an admin imported or (un)verified. */
export async function readAdminYears(db: Db | Tx): Promise<CalendarYear[]> {
  return (await db.select().from(calendarYears).orderBy(asc(calendarYears.year))).map(rowToYear);
}

/**
 * Every deadline needs the calendar, so it is cached per database. A change made through this
 * process drops the entry at once; the TTL bounds how long another server instance on the same
 * PostgreSQL keeps an old copy.
 */
const CACHE_TTL_MS = 30_000;
const cache = new WeakMap<Db | Tx, { loadedAt: number; calendar: Promise<ProductionCalendar> }>();

export function getCalendar(db: Db | Tx): Promise<ProductionCalendar> {
  const hit = cache.get(db);
  if (hit && performance.now() - hit.loadedAt < CACHE_TTL_MS) return hit.calendar;
  const calendar = readAdminYears(db).then((years) => new ProductionCalendar(effectiveYears(years)));
  cache.set(db, { loadedAt: performance.now(), calendar });
  calendar.catch(() => cache.delete(db));
  return calendar;
}

function invalidateCalendar(db: Db): void {
  cache.delete(db);
}

export async function listCalendarYears({ db }: ServiceContext) {
  const rows = await db
    .select({ row: calendarYears, importedBy: users.displayName })
    .from(calendarYears)
    .leftJoin(users, eq(users.id, calendarYears.importedById))
    .orderBy(asc(calendarYears.year));
  const imported = new Map(rows.map(({ row, importedBy }) => [row.year, { row, importedBy }]));
  return effectiveYears(rows.map((r) => rowToYear(r.row))).map((year) => {
    const fromDb = imported.get(year.year);
    return {
      ...year,
      origin: fromDb ? ('imported' as const) : ('bundled' as const),
      stats: computeYearStats(year),
      importedAt: fromDb?.row.importedAt.toISOString() ?? null,
      importedBy: fromDb?.importedBy ?? null,
      verifiedAt: fromDb?.row.verifiedAt?.toISOString() ?? null,
    };
  });
}

/** Rewrites the file `pd-desk due` reads while the server holds the embedded database. */
export async function refreshCalendarSnapshot(db: Db, dataDir: string): Promise<void> {
  writeCalendarSnapshot(dataDir, await readAdminYears(db));
}

/** JSON (the bundled file shape) or xmlcalendar XML → a validated year; errors name the bad field. */
export function parseCalendarImport(input: ImportCalendarInput): CalendarYear {
  let json: unknown;
  if (input.format === 'xml') {
    try {
      json = parseXmlCalendar(input.xml, { verified: input.verified ?? false });
    } catch (error) {
      if (error instanceof XmlCalendarParseError)
        throw new DomainError('BAD_REQUEST', msg('calendar.xmlInvalid', { detail: error.message }), 'calendar_xml');
      throw error;
    }
  } else {
    json = input.year;
  }
  const parsed = calendarYearSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'год'}: ${renderText(issue.message, 'ru')}`,
    );
    throw new DomainError(
      'BAD_REQUEST',
      msg('calendar.invalid', { problems: problems.join('; ') }),
      'calendar_invalid',
    );
  }
  const year = parsed.data;
  // `verified` from the form wins over the file's own status: the admin is the one who checked it.
  if (input.verified === undefined) return year;
  return { ...year, verified: input.verified, statusNote: input.verified ? null : year.statusNote };
}

/** A due date for any rule on the calendar as loaded, as the CLI `due` prints it. */
export async function dueDate({ db }: ServiceContext, input: DeadlineInputs) {
  return caseDeadline(await getCalendar(db), input);
}

/** `snapshotDir`: the embedded database's folder, where `pd-desk due` finds the years while the server runs. */
export async function importCalendarYear(
  { db, actor, clock }: ServiceContext,
  input: ImportCalendarInput,
  snapshotDir?: string,
) {
  const year = parseCalendarImport(input);
  const result = await db.transaction(async (tx) => {
    const values = {
      verified: year.verified,
      statusNote: year.statusNote,
      source: year.source,
      holidays: year.holidays,
      workingWeekends: year.workingWeekends,
      shortened: year.shortened,
      importedById: actor.userId,
      importedAt: clock.now(),
      verifiedById: year.verified ? actor.userId : null,
      verifiedAt: year.verified ? clock.now() : null,
    };
    await tx
      .insert(calendarYears)
      .values({ year: year.year, ...values })
      .onConflictDoUpdate({ target: calendarYears.year, set: values });
    await appendAudit(tx, actor, {
      action: 'calendar.import',
      objectType: 'calendar_year',
      objectId: year.year,
      details: { format: input.format, verified: year.verified, source: year.source, stats: computeYearStats(year) },
    });
    return { year: year.year, verified: year.verified, ...(await recomputeAfterChange(tx, actor)) };
  });
  invalidateCalendar(db);
  if (snapshotDir) await refreshCalendarSnapshot(db, snapshotDir);
  return result;
}

export async function setCalendarVerified(
  { db, actor, clock }: ServiceContext,
  yearNumber: number,
  verified: boolean,
  snapshotDir?: string,
) {
  const result = await db.transaction(async (tx) => {
    const current = effectiveYears(await readAdminYears(tx)).find((y) => y.year === yearNumber);
    if (!current) throw new DomainError('NOT_FOUND', msg('calendar.yearNotLoaded', { yearNumber }));
    const values = {
      verified,
      statusNote: verified ? null : (current.statusNote ?? 'отмечен администратором как не сверенный'),
      verifiedById: verified ? actor.userId : null,
      verifiedAt: verified ? clock.now() : null,
    };
    // A bundled year gets its own row: the flag must survive an upgrade that ships a new file.
    await tx
      .insert(calendarYears)
      .values({ ...current, ...values, year: yearNumber, importedById: actor.userId })
      .onConflictDoUpdate({ target: calendarYears.year, set: values });
    await appendAudit(tx, actor, {
      action: verified ? 'calendar.verify' : 'calendar.unverify',
      objectType: 'calendar_year',
      objectId: yearNumber,
      changes: { verified: { before: current.verified, after: verified } },
    });
    return { year: yearNumber, verified, ...(await recomputeAfterChange(tx, actor)) };
  });
  invalidateCalendar(db);
  if (snapshotDir) await refreshCalendarSnapshot(db, snapshotDir);
  return result;
}

/** Open cases follow the new calendar at once: their stored due dates are recomputed in the same transaction. */
async function recomputeAfterChange(tx: Tx, actor: Actor) {
  const calendar = new ProductionCalendar(effectiveYears(await readAdminYears(tx)));
  return recomputeOpenDeadlines(tx, actor, calendar);
}
