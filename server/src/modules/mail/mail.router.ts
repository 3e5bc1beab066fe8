import { router } from '../../trpc/init';
import { mailDocumentsRouter } from './documents/documents.router';
import { emailRouter } from './email.router';
import { intakeRouter } from './intake.router';
import { matchRouter } from './match.router';
import { mailPlanRouter } from './plan/plan.router';
import { mailRegistersRouter } from './registers/registers.router';

/**
 * «Почта» (issue 11): paper letters (intake), who wrote them (match), e-mails (email), the withdrawal's action plan,
 * its documents and the correspondence registers.
 */
export const mailRouter = router({
  intake: intakeRouter,
  match: matchRouter,
  email: emailRouter,
  plan: mailPlanRouter,
  documents: mailDocumentsRouter,
  registers: mailRegistersRouter,
});
