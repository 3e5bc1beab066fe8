import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';

/** Active officers: only they can be responsible for a case. Registrars cannot list users and get []. */
export function useOfficers() {
  const trpc = useTRPC();
  const me = useCurrentUser();
  const users = useQuery({
    ...trpc.users.list.queryOptions(),
    enabled: hasRole(me.role, ['admin', 'officer', 'auditor']),
    staleTime: 5 * 60_000,
  });
  return (users.data ?? [])
    .filter((user) => user.role === 'officer' && !user.disabledAt)
    .map((user) => ({ value: String(user.id), label: user.displayName }));
}
