import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TWO_FACTOR_ROLES } from '@pd-desk/shared/auth/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { SessionsTable } from './sessions-table';
import { TwoFactorCard } from './two-factor-card';
import { useLeaveSession } from './use-leave-session';
import { hasRole, useCurrentUser } from './use-session';

/** The signed-in user's own security: second factor (admin, officer) and where they are signed in. */
export default function SecurityRoute() {
  const { t } = useTranslation('auth');
  const { t: tShell } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const signedOut = useLeaveSession();
  const endSession = useMutation({
    ...trpc.auth.endSession.mutationOptions(),
    onSuccess: ({ current }) => {
      if (current) return signedOut();
      notifications.show({ message: t('sessions.ended') });
      return queryClient.invalidateQueries(trpc.auth.sessions.pathFilter());
    },
  });
  const everywhere = useMutation({
    ...trpc.auth.signOut.mutationOptions(),
    onSuccess: (result) => {
      notifications.show({ message: tShell('signedOutEverywhere', { count: result.sessionsEnded }) });
      signedOut();
    },
  });

  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('security.title')}
      </Title>
      {hasRole(user.role, TWO_FACTOR_ROLES) && <TwoFactorCard />}
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('sessions.title')}
            </Title>
            <Button color="red" variant="light" onClick={() => everywhere.mutate({ everywhere: true })}>
              {t('sessions.everywhere')}
            </Button>
          </Group>
          <SessionsTable sessions={sessions.data ?? []} onEnd={(sessionId) => endSession.mutate({ sessionId })} />
        </Stack>
      </Paper>
    </Stack>
  );
}
