import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { breachAttachments, breachEvents, breachFilings, breachJobs, breachSubjects } from '../../db/schema/breaches';
import { processingSystems } from '../../db/schema/subject-records';
import { users } from '../../db/schema/users';
import type { ServiceContext } from '../../service-context';
import { breachClocks } from './breach-clocks';
import { assertBreachExists, breachNumber } from './breach-records';
import { jobView } from './jobs-view';

/** The incident page: the record, both clocks, filings, counts of affected subjects by state, jobs, files, timeline. */
export async function getBreach({ db, clock }: ServiceContext, id: number) {
  const row = await assertBreachExists(db, id);
  const [filings, systems, states, attachments, events, jobs] = await Promise.all([
    db
      .select({
        kind: breachFilings.kind,
        filedAt: breachFilings.filedAt,
        portalReference: breachFilings.portalReference,
      })
      .from(breachFilings)
      .where(eq(breachFilings.breachId, id)),
    row.systemIds.length === 0
      ? []
      : db
          .select({ id: processingSystems.id, name: processingSystems.name })
          .from(processingSystems)
          .where(inArray(processingSystems.id, row.systemIds)),
    db
      .select({ state: breachSubjects.state, count: sql<number>`count(*)::int` })
      .from(breachSubjects)
      .where(eq(breachSubjects.breachId, id))
      .groupBy(breachSubjects.state),
    db
      .select({
        id: breachAttachments.id,
        fileName: breachAttachments.fileName,
        mimeType: breachAttachments.mimeType,
        sizeBytes: breachAttachments.sizeBytes,
        description: breachAttachments.description,
        uploadedAt: breachAttachments.uploadedAt,
      })
      .from(breachAttachments)
      .where(eq(breachAttachments.breachId, id))
      .orderBy(asc(breachAttachments.id)),
    db
      .select({
        id: breachEvents.id,
        at: breachEvents.at,
        kind: breachEvents.kind,
        text: breachEvents.text,
        actor: users.login,
      })
      .from(breachEvents)
      .leftJoin(users, eq(users.id, breachEvents.actorId))
      .where(eq(breachEvents.breachId, id))
      .orderBy(desc(breachEvents.id))
      .limit(200),
    db.select().from(breachJobs).where(eq(breachJobs.breachId, id)).orderBy(desc(breachJobs.id)).limit(5),
  ]);
  const filing = (kind: 'notice' | 'report') => filings.find((f) => f.kind === kind) ?? null;
  const counts = Object.fromEntries(states.map((s) => [s.state, s.count])) as Record<string, number>;
  const { createdById: _creator, ...record } = row;
  return {
    ...record,
    number: breachNumber(row.id),
    /** `YYYY-MM-DDTHH:MM±HH:MM` in the operator's zone: the page shows the offset with the time. */
    established: formatInstant(row.establishedAt, clock.timeZone),
    systems,
    clocks: breachClocks({ ...row, notice: filing('notice'), report: filing('report') }, clock.now(), clock.timeZone),
    affected: { total: Object.values(counts).reduce((a, b) => a + b, 0), byState: counts },
    attachments,
    events,
    jobs: jobs.map(jobView),
  };
}
