import { MAIL_READER_ROLES } from '@pd-desk/shared/mail/mail-model';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouteError } from '../components/errors/route-error';
import { AppLayout } from '../components/layout/app-shell';
import { PageLoading } from '../components/ui/page-loading';
import { paths } from '../config/paths';
import { RequireAuth, RequireRole } from '../features/auth/require-auth';

/** Screens load on demand so the sign-in page stays small. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

const screens: RouteObject[] = [
  { path: paths.signIn.path, ...page(() => import('../features/auth/sign-in.route')) },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          { path: paths.queue.path, ...page(() => import('../features/triage/queue.route')) },
          { path: paths.case.path, ...page(() => import('../features/cases/case.route')) },
          {
            element: <RequireRole roles={['officer', 'auditor']} />,
            children: [{ path: paths.dashboard.path, ...page(() => import('../features/dashboard/dashboard.route')) }],
          },
          { path: paths.subjects.path, ...page(() => import('../features/subjects/subjects-search.route')) },
          {
            element: <RequireRole roles={['officer', 'auditor', 'registrar']} />,
            children: [{ path: paths.subject.path, ...page(() => import('../features/subjects/subject.route')) }],
          },
          {
            element: <RequireRole roles={['officer', 'auditor', 'admin']} />,
            children: [
              { path: paths.blocks.path, ...page(() => import('../features/blocks/blocks.route')) },
              { path: paths.block.path, ...page(() => import('../features/blocks/block.route')) },
            ],
          },
          { path: paths.mail.path, element: <Navigate to={paths.mailInbox.href()} replace /> },
          {
            element: <RequireRole roles={MAIL_READER_ROLES} />,
            children: [
              { path: paths.mailInbox.path, ...page(() => import('../features/mail/inbox.route')) },
              { path: paths.mailItem.path, ...page(() => import('../features/mail/match/mail-item.route')) },
            ],
          },
          {
            element: <RequireRole roles={['officer', 'auditor']} />,
            children: [{ path: paths.mailPlan.path, ...page(() => import('../features/mail/plan/plan.route')) }],
          },
          {
            element: <RequireRole roles={['officer', 'registrar', 'auditor']} />,
            children: [
              { path: paths.mailRegisters.path, ...page(() => import('../features/mail/registers/registers.route')) },
            ],
          },
          { path: paths.accountSecurity.path, ...page(() => import('../features/auth/security.route')) },
          {
            element: <RequireRole roles={['officer', 'auditor', 'admin']} />,
            children: [
              { path: paths.breaches.path, ...page(() => import('../features/breaches/register.route')) },
              { path: paths.breach.path, ...page(() => import('../features/breaches/breach.route')) },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'officer', 'auditor']} />,
            children: [
              { path: paths.registers.path, ...page(() => import('../features/audit/audit.route')) },
              { path: paths.audit.path, ...page(() => import('../features/audit/audit.route')) },
            ],
          },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: paths.adminUsers.path, ...page(() => import('../features/admin/users.route')) },
              { path: paths.adminCalendar.path, ...page(() => import('../features/calendar/calendar-admin.route')) },
              { path: paths.adminLetterhead.path, ...page(() => import('../features/cases/letterhead.route')) },
              { path: paths.subjectImport.path, ...page(() => import('../features/subjects/subject-import.route')) },
              { path: paths.adminCatalogue.path, ...page(() => import('../features/subjects/catalogue.route')) },
              {
                path: paths.adminIntegrations.path,
                ...page(() => import('../features/integrations/integrations.route')),
              },
            ],
          },
          { path: '*', ...page(() => import('../components/errors/not-found')) },
        ],
      },
    ],
  },
];

/**
 * Every screen loads lazily, so on the first load the router has nothing to draw until the screen's code arrives:
 * the root's HydrateFallback fills that moment (without one React Router warns on every load and draws nothing).
 */
export const routes: RouteObject[] = [{ HydrateFallback: PageLoading, children: screens }];

export const createAppRouter = () => createBrowserRouter(routes);
