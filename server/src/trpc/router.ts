import { auditRouter } from '../modules/audit/audit.router';
import { authRouter } from '../modules/auth/auth.router';
import { calendarRouter } from '../modules/calendar/calendar.router';
import { casesRouter } from '../modules/cases/cases.router';
import { lettersRouter } from '../modules/cases/letters.router';
import { settingsRouter } from '../modules/settings/settings.router';
import { usersRouter } from '../modules/users/users.router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  calendar: calendarRouter,
  cases: casesRouter,
  letters: lettersRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
