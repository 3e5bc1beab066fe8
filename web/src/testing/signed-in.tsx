import type { Role } from '@pd-desk/shared/auth/roles';
import type { ReactNode } from 'react';
import { useSession } from '../features/auth/use-session';

/** A signed-in user as `auth.me` answers, for the msw handlers of a screen that reads the role. */
export function userAs(role: Role) {
  return { id: 1, login: role, displayName: 'Ольга Смирнова', role, timeZone: 'Asia/Yekaterinburg' };
}

/** Screens live behind RequireAuth in the app: a test renders them the same way, once the session is there. */
export function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data ? children : null;
}
