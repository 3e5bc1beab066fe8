import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { CodeForm } from './code-form';
import { EnrolPanel, RecoveryCodesPanel } from './enrol-panel';

/** The user's own second factor: turn on (or move to a new phone), see codes once, turn off with a code. */
export function TwoFactorCard() {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.auth.twoFactor.status.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.auth.twoFactor.pathFilter());
  const start = useMutation({ ...trpc.auth.twoFactor.start.mutationOptions(), meta: { inlineErrors: true } });
  const confirm = useMutation({
    ...trpc.auth.twoFactor.confirm.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: (recoveryCodes) => {
      notifications.show({ color: 'teal', message: t('security.enabledOk') });
      start.reset();
      setCodes(recoveryCodes);
      return refresh();
    },
  });
  const disable = useMutation({
    ...trpc.auth.twoFactor.disable.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('security.disabledOk') });
      setDisabling(false);
      return refresh();
    },
  });
  const state = status.data;
  if (!state) return null;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('security.twoFactor')}
          </Title>
          <Group gap="xs">
            {state.required && <Badge color="orange">{t('security.requiredBadge')}</Badge>}
            <Badge color={state.enabled ? 'teal' : 'gray'} data-testid="two-factor-state">
              {state.enabled && state.enabledAt
                ? t('security.enabledSince', { date: formatDateTime(state.enabledAt) })
                : t('security.off')}
            </Badge>
          </Group>
        </Group>
        {state.enabled && <Text size="sm">{t('security.codesLeft', { count: state.recoveryCodesLeft })}</Text>}
        {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} headingOrder={3} />}
        {start.data ? (
          <EnrolPanel
            enrolment={start.data}
            confirming={confirm.isPending}
            error={confirm.error ? errorText(confirm.error) : null}
            onConfirm={(code) => confirm.mutate({ code })}
          />
        ) : disabling ? (
          <Stack gap="xs">
            <Text size="sm">{t('security.disableHint')}</Text>
            <CodeForm
              submitLabel={t('security.disable')}
              loading={disable.isPending}
              error={disable.error ? errorText(disable.error) : null}
              onSubmit={(code) => disable.mutate({ code })}
            />
          </Stack>
        ) : (
          !codes && (
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {state.enabled ? t('security.replace') : t('security.enable')}
              </Button>
              {state.enabled && !state.required && (
                <Button variant="default" color="red" onClick={() => setDisabling(true)}>
                  {t('security.disable')}
                </Button>
              )}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
