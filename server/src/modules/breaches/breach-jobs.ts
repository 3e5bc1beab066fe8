import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { breachJobs } from '../../db/schema/breaches';
import { type ServiceContext, SYSTEM_ACTOR } from '../../service-context';
import { criteriaStep, csvStep, type StepResult } from './add-subjects.step';
import { recordBreachEvent } from './breach-records';
import type { Mailer } from './mailer';
import { notifyStep } from './notify.step';

type Job = typeof breachJobs.$inferSelect;

/** The report keeps the first problems in words; the count says how many there were in all. */
const MAX_PROBLEMS_KEPT = 1_000;

async function nextJob(db: Db): Promise<Job | null> {
  const [job] = await db
    .select()
    .from(breachJobs)
    .where(sql`${breachJobs.state} in ('queued', 'running')`)
    .orderBy(asc(breachJobs.id))
    .limit(1);
  return job ?? null;
}

async function saveProgress(tx: Db | Tx, job: Job, step: StepResult): Promise<void> {
  const problems = [...job.problems, ...step.problems].slice(0, MAX_PROBLEMS_KEPT);
  await tx
    .update(breachJobs)
    .set({
      state: step.done ? 'done' : 'running',
      cursor: step.cursor,
      total: step.total ?? job.total,
      processed: sql`${breachJobs.processed} + ${step.processed}`,
      added: job.added + step.added,
      problems,
      problemCount: job.problemCount + step.problems.length,
      updatedAt: new Date(),
    })
    .where(eq(breachJobs.id, job.id));
  if (!step.done) return;
  const text =
    job.kind === 'notify'
      ? `Уведомление субъектов завершено: писем ${step.total ?? 0}, e-mail ${job.added + step.added}`
      : `Добавлено субъектов: ${job.added + step.added}; не найдено/не добавлено: ${job.problemCount + step.problems.length}`;
  await recordBreachEvent(tx as Tx, SYSTEM_ACTOR, job.breachId, {
    kind: `${job.kind}_done`,
    text,
    details: { jobId: job.id, added: job.added + step.added, problems: job.problemCount + step.problems.length },
  });
}

/** Runs one chunk of a job and commits it with the job's progress. */
export async function runJobStep(ctx: Pick<ServiceContext, 'db' | 'clock'>, mailer: Mailer, job: Job): Promise<void> {
  if (job.kind === 'notify') {
    const step = await notifyStep(ctx, mailer, job);
    // The cursor and count were committed before sending; what is left is the outcome and the report.
    const [fresh] = await ctx.db.select().from(breachJobs).where(eq(breachJobs.id, job.id));
    await ctx.db.transaction((tx) => saveProgress(tx, fresh ?? job, step));
    return;
  }
  await ctx.db.transaction(async (tx) => {
    const step = job.params.via === 'csv' ? await csvStep(tx, job) : await criteriaStep(tx, job);
    await saveProgress(tx, job, step);
  });
}

/**
 * Works the unfinished jobs one chunk at a time, oldest first. Progress is in the database, so a
 * restart (`kick()` at start-up) resumes where the last committed chunk ended.
 */
export class BreachJobRunner {
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'db' | 'clock'>,
    private readonly mailer: Mailer,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Starts working if idle; returns the run, so tests and the CLI can wait for it. */
  kick(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let job = await nextJob(this.ctx.db); job; job = await nextJob(this.ctx.db)) {
      try {
        await runJobStep(this.ctx, this.mailer, job);
      } catch (error) {
        this.onError(error);
        await this.ctx.db
          .update(breachJobs)
          .set({
            state: 'failed',
            error: 'Задание прервано ошибкой; подробности в журнале сервера',
            updatedAt: new Date(),
          })
          .where(eq(breachJobs.id, job.id));
      }
    }
  }
}

// The server's runner, so a job started through the API begins at once; tests drive their own.
let serverRunner: BreachJobRunner | null = null;

export function setBreachJobRunner(runner: BreachJobRunner | null): void {
  serverRunner = runner;
}

export function kickBreachJobs(): void {
  void serverRunner?.kick();
}
