import { Paper, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

/** The operator-wide switch: admins and officers must sign in with a code from an app. */
export function TwoFactorPolicySwitch() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.settings.twoFactor.queryOptions());
  const save = useMutation({
    ...trpc.settings.setTwoFactor.mutationOptions(),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.saved') });
      return queryClient.invalidateQueries(trpc.settings.twoFactor.pathFilter());
    },
  });
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Switch
          label={t('users.requireTwoFactor')}
          checked={policy.data?.required ?? false}
          disabled={!policy.data || save.isPending}
          onChange={(e) => save.mutate({ required: e.currentTarget.checked })}
        />
        <Text size="xs" c="dimmed" pl={54}>
          {t('users.requireTwoFactorHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
