import { HOUR_CLOCK_URGENT_MINUTES } from '@pd-desk/shared/calendar/hour-clocks';
import { asc, ne } from 'drizzle-orm';
import { breaches } from '../../db/schema/breaches';
import type { ServiceContext } from '../../service-context';
import { breachClocks } from './breach-clocks';
import { breachNumber, filingJson } from './breach-records';

/**
 * The running Roskomnadzor clocks of every incident not yet closed, soonest first, for the triage queue
 * (above everything else when under 6 hours) and the dashboard. A clock whose filing is recorded stops.
 */
export async function runningBreachClocks({ db, clock }: ServiceContext) {
  const rows = await db
    .select({
      id: breaches.id,
      establishedAt: breaches.establishedAt,
      category: breaches.category,
      status: breaches.status,
      notice: filingJson('notice'),
      report: filingJson('report'),
    })
    .from(breaches)
    .where(ne(breaches.status, 'closed'))
    .orderBy(asc(breaches.establishedAt))
    .limit(100);
  const now = clock.now();
  const running = rows.flatMap((row) =>
    breachClocks(row, now, clock.timeZone)
      .filter((c) => c.filed === null)
      .map((c) => ({ breachId: row.id, number: breachNumber(row.id), category: row.category, ...c })),
  );
  running.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { urgentMinutes: HOUR_CLOCK_URGENT_MINUTES, clocks: running };
}
