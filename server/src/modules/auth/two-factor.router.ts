import { codeInput } from '@pd-desk/shared/auth/auth.schemas';
import { TWO_FACTOR_ROLES } from '@pd-desk/shared/auth/roles';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { confirmOwnEnrolment, disableOwnTwoFactor, startEnrolment, twoFactorStatus } from './two-factor.service';

const eligible = procedureFor(TWO_FACTOR_ROLES);

/** The signed-in user's own second factor: set up (or replace), check, turn off. */
export const twoFactorRouter = router({
  status: eligible.query(({ ctx }) => twoFactorStatus(ctx.db, ctx.user)),
  start: eligible.mutation(({ ctx }) => startEnrolment(ctx.db, ctx.user.id)),
  confirm: eligible
    .input(codeInput)
    .mutation(({ ctx, input }) => confirmOwnEnrolment(ctx.db, ctx.actor, ctx.user.id, input.code)),
  disable: eligible
    .input(codeInput)
    .mutation(({ ctx, input }) => disableOwnTwoFactor(ctx.db, ctx.actor, ctx.user, input.code)),
});
