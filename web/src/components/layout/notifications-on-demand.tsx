import { useNotifications } from '@mantine/notifications';
import { Suspense, useState } from 'react';
import { lazyComponent } from '../../lib/lazy-component';

const Notifications = lazyComponent(() => import('./notifications-container').then((m) => m.Notifications));

/**
 * Mantine's toasts container (with its transitions and drag-to-dismiss) is not needed to paint a screen, so it is
 * fetched when the first toast is shown. `notifications.show` only writes to Mantine's store; the container, once
 * mounted, draws what the store already holds, and it stays mounted so later toasts and exits animate as usual.
 */
export function NotificationsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
