import { Outlet } from 'react-router';
import { useHideBehindDialogs } from './hide-behind-dialogs';
import { RouteAnnouncer } from './route-announcer';

/** Around every screen, signed in or not: page titles, announcements and focus on navigation, dialogs' backdrop. */
export function AppRoot() {
  useHideBehindDialogs(document.getElementById('root'));
  return (
    <>
      <RouteAnnouncer />
      <Outlet />
    </>
  );
}
