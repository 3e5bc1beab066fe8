import type { breachJobs } from '../../db/schema/breaches';

type JobRow = typeof breachJobs.$inferSelect;

/** What the page shows of a job: progress and the report; the raw parameters (a CSV) stay on the server. */
export function jobView(job: JobRow) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    total: job.total,
    processed: job.processed,
    added: job.added,
    problems: job.problems,
    problemCount: job.problemCount,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
