// Import started from the web: the upload becomes a row of subject_import_jobs and runs in the background; the
// browser polls the row. The row, not the process, is the job: any instance that sees a job whose heartbeat went
// stale (its runner died or was restarted) takes it over and runs it again from the start, which is safe because
// import is idempotent by external_id.

import { createHash } from 'node:crypto';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFileName } from '@pd-desk/shared/subjects/record-mask';
import type { StartSubjectImportInput } from '@pd-desk/shared/subjects/subject-search.schemas';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { subjectImportJobs } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { ImportFileError, type ImportProblem, importSubjects } from './import.service';

/** A job whose heartbeat is older than this is taken for dead; a live runner beats four times as often. */
const STALE_AFTER_SECONDS = 60;
/** Bad rows kept in the job for the screen; the count covers all of them. */
const PROBLEMS_SHOWN = 200;

const statusColumns = {
  id: subjectImportJobs.id,
  status: subjectImportJobs.status,
  fileName: subjectImportJobs.fileName,
  skipInvalid: subjectImportJobs.skipInvalid,
  totalRows: subjectImportJobs.totalRows,
  processedRows: subjectImportJobs.processedRows,
  created: subjectImportJobs.created,
  updated: subjectImportJobs.updated,
  unchanged: subjectImportJobs.unchanged,
  invalidRows: subjectImportJobs.invalidRows,
  problems: subjectImportJobs.problems,
  message: subjectImportJobs.message,
  createdAt: subjectImportJobs.createdAt,
  finishedAt: subjectImportJobs.finishedAt,
};

export async function startImportJob(ctx: ServiceContext, input: StartSubjectImportInput) {
  const { db, actor } = ctx;
  const fileSha256 = createHash('sha256').update(input.content).digest('hex');
  const job = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subjectImportJobs)
      .values({
        fileName: input.fileName,
        fileSha256,
        content: input.content,
        skipInvalid: input.skipInvalid ?? false,
        createdById: actor.userId,
      })
      .returning({ id: subjectImportJobs.id });
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'subject.import_start',
      objectType: 'subject_import_job',
      objectId: row.id,
      details: { fileName: maskFileName(input.fileName), sha256: fileSha256, skipInvalid: input.skipInvalid ?? false },
    });
    return row;
  });
  runInBackground(ctx, job.id);
  return { jobId: job.id };
}

export async function importJobStatus(ctx: ServiceContext, jobId: number) {
  const { db } = ctx;
  const [job] = await db.select(statusColumns).from(subjectImportJobs).where(eq(subjectImportJobs.id, jobId));
  if (!job) throw new DomainError('NOT_FOUND', msg('subjects.importJobNotFound'));
  if (job.status === 'queued' || job.status === 'running') runInBackground(ctx, jobId);
  return job;
}

/** Jobs this process is running: a poll must not start a second runner beside a live one. */
const runningHere = new Set<number>();

function runInBackground(ctx: ServiceContext, jobId: number): void {
  if (runningHere.has(jobId)) return;
  runningHere.add(jobId);
  runImportJob(ctx, jobId)
    .catch(() => {
      // runImportJob records its own failures in the job row; nothing is left to report to anyone here.
    })
    .finally(() => runningHere.delete(jobId));
}

/** Claims the job unless a live runner has it, imports, and records the outcome; the uploaded file is then erased. */
export async function runImportJob(ctx: ServiceContext, jobId: number): Promise<void> {
  const { db } = ctx;
  const [job] = await db
    .update(subjectImportJobs)
    .set({ status: 'running', heartbeatAt: sql`now()` })
    .where(
      and(
        eq(subjectImportJobs.id, jobId),
        or(
          eq(subjectImportJobs.status, 'queued'),
          and(
            eq(subjectImportJobs.status, 'running'),
            lt(subjectImportJobs.heartbeatAt, sql`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
          ),
        ),
      ),
    )
    .returning({
      content: subjectImportJobs.content,
      fileName: subjectImportJobs.fileName,
      skipInvalid: subjectImportJobs.skipInvalid,
    });
  if (!job) return;
  const content = job.content ?? '';
  const progress = (values: Partial<typeof subjectImportJobs.$inferInsert>) =>
    db
      .update(subjectImportJobs)
      .set({ ...values, heartbeatAt: sql`now()` })
      .where(eq(subjectImportJobs.id, jobId))
      .catch(() => {
        // A lost progress update only makes the bar lag; the outcome is written by finish().
      });
  // The heartbeat beats on a timer, not on progress: one long transaction (a large first load) reports nothing for
  // minutes, and another instance must not take a live job for a dead one.
  const heartbeat = setInterval(() => void progress({}), (STALE_AFTER_SECONDS * 1000) / 4);
  try {
    let lastBeat = 0;
    const outcome = await importSubjects(ctx, () => [content], {
      fileName: job.fileName,
      skipInvalid: job.skipInvalid,
      maxProblems: PROBLEMS_SHOWN,
      onProgress: (phase, done, total) => {
        // The check pass reports often and costs nothing to repeat; beat at most once a second there.
        if (phase === 'check' && total === null && Date.now() - lastBeat < 1_000) return;
        lastBeat = Date.now();
        void progress(phase === 'check' ? { totalRows: total } : { processedRows: done });
      },
    });
    await finish(db, jobId, {
      status: outcome.status,
      totalRows: outcome.rows,
      processedRows: outcome.status === 'done' ? outcome.rows - outcome.invalidRows : 0,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      invalidRows: outcome.invalidRows,
      problems: outcome.problems,
      message: outcome.status === 'rejected' ? 'В файле есть ошибки: ничего не импортировано' : null,
    });
  } catch (error) {
    const readable = error instanceof ImportFileError;
    await finish(db, jobId, {
      status: readable ? 'rejected' : 'failed',
      message: readable ? error.message : 'Импорт прерван внутренней ошибкой; запустите его снова',
    });
    if (!readable) throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

type JobEnd = Partial<typeof subjectImportJobs.$inferInsert> & {
  status: 'done' | 'rejected' | 'failed';
  problems?: ImportProblem[];
};

async function finish(db: Db, jobId: number, values: JobEnd) {
  await db
    .update(subjectImportJobs)
    .set({ ...values, content: null, finishedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(and(eq(subjectImportJobs.id, jobId), inArray(subjectImportJobs.status, ['running'])));
}
