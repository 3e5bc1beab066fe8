import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoading } from '../ui/page-loading';
import { useHideBehindDialogs } from './hide-behind-dialogs';
import { RouteAnnouncer } from './route-announcer';

/** Around every screen, signed in or not: page titles, announcements and focus on navigation, dialogs' backdrop. */
export function AppRoot() {
  useHideBehindDialogs(document.getElementById('root'));
  return (
    <>
      <RouteAnnouncer />
      {/* A screen whose strings have not arrived yet waits here (lib/i18n.ts). */}
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </>
  );
}
