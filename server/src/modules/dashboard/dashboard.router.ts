import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { dashboardSummary } from './dashboard.service';

export const dashboardRouter = router({
  summary: procedureFor(['officer', 'auditor']).query(({ ctx }) => dashboardSummary(ctx)),
});
