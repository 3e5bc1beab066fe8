import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { SessionsTable } from '../auth/sessions-table';

type Props = { user: { id: number; login: string } | null; onClose: () => void };

/** Where a user is signed in, and «выйти везде» for them (a laptop left at reception, a dismissal). */
export function UserSessionsModal({ user, onClose }: Props) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({ ...trpc.users.sessions.queryOptions({ userId: user?.id ?? 0 }), enabled: user !== null });
  const endAll = useMutation({
    ...trpc.users.endSessions.mutationOptions(),
    onSuccess: (count) => {
      notifications.show({ message: t('users.sessionsEnded', { count }) });
      return queryClient.invalidateQueries(trpc.users.sessions.pathFilter());
    },
  });
  return (
    <Modal opened={user !== null} onClose={onClose} size="xl" title={t('users.sessionsOf', { login: user?.login })}>
      <Stack>
        <SessionsTable sessions={sessions.data ?? []} />
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            disabled={!sessions.data?.length}
            loading={endAll.isPending}
            onClick={() => user && endAll.mutate({ userId: user.id })}
          >
            {t('users.signOutEverywhere')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
