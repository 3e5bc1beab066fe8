import { auditRouter } from '../modules/audit/audit.router';
import { authRouter } from '../modules/auth/auth.router';
import { backupRouter } from '../modules/backup/backup.router';
import { blocksRouter } from '../modules/blocks/blocks.router';
import { breachesRouter } from '../modules/breaches/breaches.router';
import { calendarRouter } from '../modules/calendar/calendar.router';
import { casesRouter } from '../modules/cases/cases.router';
import { dashboardRouter } from '../modules/dashboard/dashboard.router';
import { integrationsRouter } from '../modules/integrations/integrations.router';
import { mailRouter } from '../modules/mail/mail.router';
import { settingsRouter } from '../modules/settings/settings.router';
import { subjectsRouter } from '../modules/subjects/subjects.router';
import { triageRouter } from '../modules/triage/triage.router';
import { usersRouter } from '../modules/users/users.router';
import { createCallerFactory, router } from './init';

/** One key per module folder (docs/conventions.md): a domain's sub-areas are nested routers inside it. */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  backup: backupRouter,
  blocks: blocksRouter,
  breaches: breachesRouter,
  calendar: calendarRouter,
  cases: casesRouter,
  triage: triageRouter,
  dashboard: dashboardRouter,
  mail: mailRouter,
  integrations: integrationsRouter,
  settings: settingsRouter,
  subjects: subjectsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
