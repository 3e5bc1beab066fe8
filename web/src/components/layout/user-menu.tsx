import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useLeaveSession } from '../../features/auth/use-leave-session';
import { useCurrentUser } from '../../features/auth/use-session';
import { useTRPC } from '../../lib/trpc';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
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
      <Menu.Target>
        {/* Named by what it shows (the name and the role): a voice user says what they see. Menu marks it as a menu button. */}
        <Button variant="subtle" color="gray">
          <Text size="sm" fw={500} lang="ru">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" ml={6}>
            {t(`roles.${user.role}`)}
          </Text>
        </Button>
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
