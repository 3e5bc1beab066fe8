import { auditRouter } from '../modules/audit/audit.router';
import { authRouter } from '../modules/auth/auth.router';
import { backupRouter } from '../modules/backup/backup.router';
import { calendarRouter } from '../modules/calendar/calendar.router';
import { casesRouter } from '../modules/cases/cases.router';
import { dashboardRouter } from '../modules/cases/dashboard.router';
import { lettersRouter } from '../modules/cases/letters.router';
import { triageRouter } from '../modules/cases/triage.router';
import { settingsRouter } from '../modules/settings/settings.router';
import { catalogueRouter } from '../modules/subjects/catalogue.router';
import { subjectsRouter } from '../modules/subjects/subjects.router';
import { subjectsImportRouter } from '../modules/subjects/subjects-import.router';
import { subjectsSearchRouter } from '../modules/subjects/subjects-search.router';
import { usersRouter } from '../modules/users/users.router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  backup: backupRouter,
  calendar: calendarRouter,
  cases: casesRouter,
  triage: triageRouter,
  dashboard: dashboardRouter,
  letters: lettersRouter,
  settings: settingsRouter,
  subjects: subjectsRouter,
  catalogue: catalogueRouter,
  subjectSearch: subjectsSearchRouter,
  subjectImport: subjectsImportRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
