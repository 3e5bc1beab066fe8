import { Alert } from '@mantine/core';
import type { Role } from '@pd-desk/shared/auth/roles';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../components/ui/page-loading';
import { paths } from '../../config/paths';
import { setOperatorTimeZone } from '../../lib/format';
import { hasRole, useSession } from './use-session';

export function RequireAuth() {
  const { data: user, isPending } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (user) setOperatorTimeZone(user.timeZone);
  }, [user]);
  if (isPending) return <PageLoading />;
  if (!user) return <Navigate to={paths.signIn.href(location.pathname + location.search)} replace />;
  return <Outlet />;
}

/** Hides a screen the server would refuse anyway; the server's role check is the real guard. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { data: user } = useSession();
  const { t } = useTranslation();
  if (!hasRole(user?.role, roles)) {
    return (
      <Alert color="orange" m="md">
        {t('forbidden')}
      </Alert>
    );
  }
  return <Outlet />;
}
