import {
  createUserInput,
  resetPasswordInput,
  setDisabledInput,
  setRoleInput,
  userIdInput,
} from '@pd-desk/shared/auth/auth.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import {
  createUser,
  endUserSessions,
  listUsers,
  resetPassword,
  resetTwoFactor,
  setDisabled,
  setRole,
  userSessions,
} from './users.service';

const adminOnly = procedureFor(['admin']);

export const usersRouter = router({
  list: procedureFor(['admin', 'officer', 'auditor']).query(({ ctx }) => listUsers(ctx)),
  create: adminOnly.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx, input)),
  setRole: adminOnly.input(setRoleInput).mutation(({ ctx, input }) => setRole(ctx, input.userId, input.role)),
  resetPassword: adminOnly
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx, input.userId, input.password)),
  setDisabled: adminOnly
    .input(setDisabledInput)
    .mutation(({ ctx, input }) => setDisabled(ctx, input.userId, input.disabled)),
  endSessions: adminOnly.input(userIdInput).mutation(({ ctx, input }) => endUserSessions(ctx, input.userId)),
  sessions: adminOnly.input(userIdInput).query(({ ctx, input }) => userSessions(ctx, ctx.config, input.userId)),
  resetTwoFactor: adminOnly.input(userIdInput).mutation(({ ctx, input }) => resetTwoFactor(ctx, input.userId)),
});
