import { searchSubjectsInput } from '@pd-desk/shared/subjects/subject-search.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { searchSubjects } from './subjects.search';

export const subjectsSearchRouter = router({
  // Registrars search too: matching an incoming letter to a person is their job.
  search: procedureFor(['officer', 'auditor', 'admin', 'registrar'])
    .input(searchSubjectsInput)
    .query(({ ctx, input }) => searchSubjects(ctx.db, ctx.actor, input)),
});
