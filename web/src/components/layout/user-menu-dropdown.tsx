import { Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useLeaveSession } from '../../features/auth/use-leave-session';
import { useTRPC } from '../../lib/trpc';
import { UserButton } from './user-menu';

/** The user's menu itself (user-menu.tsx): fetched after the first paint. */
export function UserMenuDropdown() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const leaveSession = useLeaveSession();
  const signOut = useMutation({
    ...trpc.auth.signOut.mutationOptions(),
    onSuccess: (result, input) => {
      if (input.everywhere) notifications.show({ message: t('signedOutEverywhere', { count: result.sessionsEnded }) });
      leaveSession();
    },
  });
  return (
    <Menu position="bottom-end" withinPortal>
      {/* Menu marks its target as a menu button. */}
      <Menu.Target>
        <UserButton />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => navigate(paths.accountSecurity.href())}>{t('security')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate({ everywhere: false })}>{t('signOut')}</Menu.Item>
        <Menu.Item onClick={() => signOut.mutate({ everywhere: true })}>{t('signOutEverywhere')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
