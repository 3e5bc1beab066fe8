import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useTRPC } from '../../lib/trpc';

/**
 * After a sign-out: the session is set to «signed out» first, so the guard leaves the signed-in screens at once
 * (clearing the whole cache under a mounted screen made it render once without a user: React error 520); then every
 * other cached answer goes, so the next user of this browser sees nothing of this one's.
 */
export function useLeaveSession(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return () => {
    const session = trpc.auth.me.queryKey();
    queryClient.setQueryData(session, null);
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(session) });
    navigate(paths.signIn.href(), { replace: true });
  };
}
