import type { Role } from '@pd-desk/shared/auth/roles';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The signed-in user (null when signed out); cached for the whole app, refreshed after sign-in/out. */
export function useSession() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}

export function useCurrentUser() {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function hasRole(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
