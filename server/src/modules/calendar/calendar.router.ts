import {
  calendarYearInput,
  dueInput,
  importCalendarInput,
  setCalendarVerifiedInput,
} from '@pd-desk/shared/calendar/calendar.schemas';
import type { Config } from '../../env';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { dueDate, importCalendarYear, listCalendarYears, setCalendarVerified } from './calendar.service';

/** Only the embedded database needs the snapshot; on PostgreSQL the CLI reads the database itself. */
const snapshotDir = (config: Config) => (config.databaseUrl ? undefined : config.dataDir);

const staff = procedureFor(['admin', 'officer', 'registrar', 'auditor']);
const adminOnly = procedureFor(['admin']);

export const calendarRouter = router({
  years: staff.query(({ ctx }) => listCalendarYears(ctx)),
  year: staff.input(calendarYearInput).query(async ({ ctx, input }) => {
    const years = await listCalendarYears(ctx);
    return years.find((y) => y.year === input.year) ?? null;
  }),
  import: adminOnly
    .input(importCalendarInput)
    .mutation(({ ctx, input }) => importCalendarYear(ctx, input, snapshotDir(ctx.config))),
  setVerified: adminOnly
    .input(setCalendarVerifiedInput)
    .mutation(({ ctx, input }) => setCalendarVerified(ctx, input.year, input.verified, snapshotDir(ctx.config))),
  /** A due date for any rule, as the CLI `due` prints it. */
  due: staff.input(dueInput).query(({ ctx, input }) => dueDate(ctx, input)),
});
