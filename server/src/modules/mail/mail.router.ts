import { router } from '../../trpc/init';
import { emailRouter } from './email.router';
import { intakeRouter } from './intake.router';
import { matchRouter } from './match.router';

/** The mail desk: paper letters (intake), who wrote them (match), e-mails (email). */
export const mailRouter = router({
  intake: intakeRouter,
  match: matchRouter,
  email: emailRouter,
});
