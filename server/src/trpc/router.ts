import { auditRouter } from '../modules/audit/audit.router';
import { authRouter } from '../modules/auth/auth.router';
import { usersRouter } from '../modules/users/users.router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
