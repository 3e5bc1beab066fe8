import { router } from '../../trpc/init';
import { mailDocumentsRouter } from './documents/documents.router';
import { mailPlanRouter } from './plan/plan.router';
import { mailRegistersRouter } from './registers/registers.router';

/** «Почта»: the withdrawal's action plan, its documents and the correspondence registers (issue 11). */
export const mailRouter = router({
  plan: mailPlanRouter,
  documents: mailDocumentsRouter,
  registers: mailRegistersRouter,
});
