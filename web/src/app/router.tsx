import { MAIL_READER_ROLES } from '@pd-desk/shared/mail/mail-model';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouteError } from '../components/errors/route-error';
import { AppRoot } from '../components/layout/app-root';
import { AppLayout } from '../components/layout/app-shell';
import { titled } from '../components/layout/page-title';
import { PageLoading } from '../components/ui/page-loading';
import { paths } from '../config/paths';
import { RequireAuth, RequireRole } from '../features/auth/require-auth';
import i18n from '../lib/i18n';

/**
 * Screens load on demand so the sign-in page stays small, each with the strings it shows, fetched alongside its code
 * (ADR 0030). A namespace missing from the list still works: the component that asks for it suspends until it arrives.
 */
function page(load: () => Promise<{ default: ComponentType }>, namespaces: string[]): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const [screen] = await Promise.all([load(), i18n.loadNamespaces(namespaces)]);
      return { Component: screen.default };
    },
  };
}

/** The screens that show the server's refusals inline (forms, failed loads) bring its templates. */
const withRefusals = (...namespaces: string[]) => ['server', ...namespaces];

/**
 * What the queue, the first screen after sign-in, shows: its own strings, the cases' (statuses, deadlines), the blocks'
 * and breaches' badges. The build's first-screen budget (vite.config.ts) counts the same modules.
 */
const QUEUE_NAMESPACES = ['triage', 'cases', 'blocks', 'breaches'];

const screens: RouteObject[] = [
  {
    path: paths.signIn.path,
    ...titled('titles.signIn'),
    ...page(() => import('../features/auth/sign-in.route'), withRefusals('auth')),
  },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          {
            path: paths.queue.path,
            ...titled('nav.queue', { focusHeading: false }),
            ...page(() => import('../features/triage/queue.route'), QUEUE_NAMESPACES),
          },
          {
            path: paths.case.path,
            ...titled('titles.case'),
            ...page(() => import('../features/cases/case.route'), withRefusals('cases', 'blocks', 'subjects')),
          },
          {
            element: <RequireRole roles={['officer', 'auditor']} />,
            children: [
              {
                path: paths.dashboard.path,
                ...titled('nav.dashboard'),
                ...page(
                  () => import('../features/dashboard/dashboard.route'),
                  withRefusals('dashboard', 'cases', 'breaches'),
                ),
              },
            ],
          },
          {
            path: paths.subjects.path,
            ...titled('nav.subjects'),
            ...page(() => import('../features/subjects/subjects-search.route'), withRefusals('subjects')),
          },
          {
            element: <RequireRole roles={['officer', 'auditor', 'registrar']} />,
            children: [
              {
                path: paths.subject.path,
                ...titled('titles.subject'),
                ...page(
                  () => import('../features/subjects/subject.route'),
                  withRefusals('subjects', 'cases', 'blocks'),
                ),
              },
            ],
          },
          {
            element: <RequireRole roles={['officer', 'auditor', 'admin']} />,
            children: [
              {
                path: paths.blocks.path,
                ...titled('nav.blocks'),
                ...page(() => import('../features/blocks/blocks.route'), withRefusals('blocks')),
              },
              {
                path: paths.block.path,
                ...titled('titles.block'),
                ...page(() => import('../features/blocks/block.route'), withRefusals('blocks')),
              },
            ],
          },
          { path: paths.mail.path, element: <Navigate to={paths.mailInbox.href()} replace /> },
          {
            element: <RequireRole roles={MAIL_READER_ROLES} />,
            children: [
              {
                path: paths.mailInbox.path,
                ...titled('nav.mailInbox'),
                ...page(() => import('../features/mail/inbox.route'), withRefusals('mail')),
              },
              {
                path: paths.mailItem.path,
                ...titled('titles.mailItem'),
                ...page(() => import('../features/mail/match/mail-item.route'), withRefusals('mail', 'subjects')),
              },
            ],
          },
          {
            element: <RequireRole roles={['officer', 'auditor']} />,
            children: [
              {
                path: paths.mailPlan.path,
                ...titled('titles.mailPlan'),
                ...page(() => import('../features/mail/plan/plan.route'), withRefusals('mailPlan', 'mail')),
              },
            ],
          },
          {
            element: <RequireRole roles={['officer', 'registrar', 'auditor']} />,
            children: [
              {
                path: paths.mailRegisters.path,
                ...titled('nav.mailRegisters'),
                ...page(
                  () => import('../features/mail/registers/registers.route'),
                  withRefusals('mailRegisters', 'mail'),
                ),
              },
            ],
          },
          {
            path: paths.accountSecurity.path,
            ...titled('security'),
            ...page(() => import('../features/auth/security.route'), withRefusals('auth')),
          },
          {
            element: <RequireRole roles={['officer', 'auditor', 'admin']} />,
            children: [
              {
                path: paths.breaches.path,
                ...titled('nav.breaches'),
                ...page(() => import('../features/breaches/register.route'), withRefusals('breaches')),
              },
              {
                path: paths.breach.path,
                ...titled('titles.breach'),
                ...page(() => import('../features/breaches/breach.route'), withRefusals('breaches')),
              },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'officer', 'auditor']} />,
            children: [
              {
                path: paths.registers.path,
                ...titled('nav.registers'),
                ...page(() => import('../features/audit/audit.route'), withRefusals('audit', 'cases')),
              },
              {
                path: paths.audit.path,
                ...titled('titles.audit'),
                ...page(() => import('../features/audit/audit.route'), withRefusals('audit', 'cases')),
              },
            ],
          },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              {
                path: paths.adminUsers.path,
                ...titled('nav.adminUsers'),
                ...page(() => import('../features/admin/users.route'), withRefusals('admin', 'auth')),
              },
              {
                path: paths.adminCalendar.path,
                ...titled('nav.adminCalendar'),
                ...page(() => import('../features/calendar/calendar-admin.route'), withRefusals('calendar')),
              },
              {
                path: paths.adminLetterhead.path,
                ...titled('nav.adminLetterhead'),
                ...page(() => import('../features/cases/letterhead.route'), withRefusals('cases')),
              },
              {
                path: paths.subjectImport.path,
                ...titled('titles.subjectImport'),
                ...page(() => import('../features/subjects/subject-import.route'), withRefusals('subjects')),
              },
              {
                path: paths.adminCatalogue.path,
                ...titled('nav.adminCatalogue'),
                ...page(() => import('../features/subjects/catalogue.route'), withRefusals('subjects')),
              },
              {
                path: paths.adminIntegrations.path,
                ...titled('nav.adminIntegrations'),
                ...page(() => import('../features/integrations/integrations.route'), withRefusals('integrations')),
              },
            ],
          },
          { path: '*', ...titled('titles.notFound'), ...page(() => import('../components/errors/not-found'), []) },
        ],
      },
    ],
  },
];

/**
 * Every screen loads lazily, so on the first load the router has nothing to draw until the screen's code arrives:
 * the root's HydrateFallback fills that moment (without one React Router warns on every load and draws nothing).
 */
export const routes: RouteObject[] = [{ Component: AppRoot, HydrateFallback: PageLoading, children: screens }];

export const createAppRouter = () => createBrowserRouter(routes);
