import fs from 'node:fs';
import path from 'node:path';
import type { CalendarYear } from '@pd-desk/shared/calendar/calendar.schemas';
import { z } from 'zod';

/**
 * `pd-desk due` cannot open the embedded database while the server holds it, so the process that
 * holds it leaves the admin's calendar years beside it, rewritten on start and on every change.
 */
const SNAPSHOT_FILE = 'calendar-years.json';

const snapshotSchema = z.array(
  z.object({
    year: z.number().int(),
    verified: z.boolean(),
    statusNote: z.string().nullable(),
    source: z.string(),
    holidays: z.array(z.string()),
    workingWeekends: z.array(z.string()),
    shortened: z.array(z.string()),
  }),
);

export function writeCalendarSnapshot(dataDir: string, years: readonly CalendarYear[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, SNAPSHOT_FILE);
  // Written aside and renamed: a reader never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(years, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, target);
}

/** null when there is no usable snapshot (never written, or damaged). */
export function readCalendarSnapshot(dataDir: string): CalendarYear[] | null {
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, SNAPSHOT_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
