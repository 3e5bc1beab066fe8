import { startSubjectImportInput, subjectImportStatusInput } from '@pd-desk/shared/subjects/subject-search.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { importJobStatus, startImportJob } from './import-job.service';

const adminOnly = procedureFor(['admin']);

export const importRouter = router({
  /** Returns at once with the job id; the import runs in the background. */
  start: adminOnly.input(startSubjectImportInput).mutation(({ ctx, input }) => startImportJob(ctx, input)),
  /** Poll until status is done, rejected or failed. */
  status: adminOnly.input(subjectImportStatusInput).query(({ ctx, input }) => importJobStatus(ctx, input.jobId)),
});
