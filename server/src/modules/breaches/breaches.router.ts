import { FILING_KINDS } from '@pd-desk/shared/breaches/breach-model';
import {
  addAffectedByCriteriaInput,
  addAffectedCsvInput,
  addAffectedSubjectsInput,
  addBreachNoteInput,
  breachIdInput,
  closeBreachInput,
  createBreachInput,
  fileBreachInput,
  jobIdInput,
  listAffectedInput,
  listBreachesInput,
  setExceptionInput,
  updateBreachInput,
} from '@pd-desk/shared/breaches/breaches.schemas';
import { z } from 'zod';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import {
  addAffectedSubjects,
  listAffected,
  setException,
  startAddByCriteria,
  startAddFromCsv,
  startNotification,
} from './affected.service';
import { runningBreachClocks } from './clocks.service';
import { breachNotice, fileBreach } from './filings.service';
import { addBreachNote, breachChart, closeBreach, createBreach, listBreaches, updateBreach } from './incidents.service';
import { breachJob } from './jobs.service';
import { getBreach } from './page.service';

/** Officer and admin work incidents; the auditor reads; the registrar sees none of it. */
const workers = procedureFor(['officer', 'admin']);
const readers = procedureFor(['officer', 'admin', 'auditor']);

const affectedRouter = router({
  list: readers.input(listAffectedInput).query(({ ctx, input }) => listAffected(ctx, input)),
  add: workers.input(addAffectedSubjectsInput).mutation(({ ctx, input }) => addAffectedSubjects(ctx, input)),
  addByCriteria: workers.input(addAffectedByCriteriaInput).mutation(({ ctx, input }) => startAddByCriteria(ctx, input)),
  addFromCsv: workers.input(addAffectedCsvInput).mutation(({ ctx, input }) => startAddFromCsv(ctx, input)),
  setException: workers.input(setExceptionInput).mutation(({ ctx, input }) => setException(ctx, input)),
  notify: workers
    .input(z.object({ breachId: breachIdInput.shape.id }))
    .mutation(({ ctx, input }) => startNotification(ctx, input)),
  job: readers.input(jobIdInput).query(({ ctx, input }) => breachJob(ctx, input.id)),
});

export const breachesRouter = router({
  create: workers.input(createBreachInput).mutation(({ ctx, input }) => createBreach(ctx, input)),
  update: workers.input(updateBreachInput).mutation(({ ctx, input }) => updateBreach(ctx, input)),
  byId: readers.input(breachIdInput).query(({ ctx, input }) => getBreach(ctx, input.id)),
  list: readers.input(listBreachesInput).query(({ ctx, input }) => listBreaches(ctx, input)),
  chart: readers
    .input(listBreachesInput.pick({ status: true, category: true, from: true, to: true }))
    .query(({ ctx, input }) => breachChart(ctx, input)),
  clocks: readers.query(({ ctx }) => runningBreachClocks(ctx)),
  notice: readers
    .input(breachIdInput.extend({ kind: z.enum(FILING_KINDS) }))
    .query(({ ctx, input }) => breachNotice(ctx, input)),
  file: workers.input(fileBreachInput).mutation(({ ctx, input }) => fileBreach(ctx, input)),
  close: workers.input(closeBreachInput).mutation(({ ctx, input }) => closeBreach(ctx, input)),
  addNote: workers.input(addBreachNoteInput).mutation(({ ctx, input }) => addBreachNote(ctx, input)),
  affected: affectedRouter,
});
