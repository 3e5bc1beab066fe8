import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import { breachJobs } from '../../db/schema/breaches';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { jobView } from './jobs-view';

/** A job's progress, polled by the page while it runs. */
export async function breachJob({ db }: ServiceContext, id: number) {
  const [job] = await db.select().from(breachJobs).where(eq(breachJobs.id, id));
  if (!job) throw new DomainError('NOT_FOUND', msg('breaches.jobNotFound'));
  return jobView(job);
}
