import { Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseRef } from '@pd-desk/shared/cases/cases.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../components/ui/reason-modal';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';

/** The server takes at most this many cases in one bulk action. */
const BULK_MAX = 500;

type Props = { selection: CaseRef[]; onAssign: () => void; onClear: () => void };

export function BulkBar({ selection, onAssign, onClear }: Props) {
  const { t } = useTranslation('triage');
  const trpc = useTRPC();
  const refresh = useInvalidateCases();
  const [closing, setClosing] = useState(false);
  const close = useMutation({
    ...trpc.triage.bulkClose.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (result) => {
      notifications.show({ color: 'teal', message: t('bulk.closed', { count: result.updated }) });
      setClosing(false);
      onClear();
      await refresh();
    },
  });
  const tooMany = selection.length > BULK_MAX;
  return (
    <Paper withBorder p={6} px="sm" bg="teal.0">
      <Group justify="space-between">
        <Text size="sm" fw={600} aria-live="polite">
          {t('bulk.selected', { count: selection.length })}
          {tooMany && (
            <Text span c="red.8" size="sm" ml="sm">
              {t('bulk.limit', { max: BULK_MAX })}
            </Text>
          )}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={tooMany} onClick={onAssign}>
            {t('bulk.assign')}
          </Button>
          <Button size="xs" variant="default" color="red" disabled={tooMany} onClick={() => setClosing(true)}>
            {t('bulk.close')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </Group>
      </Group>
      <ReasonModal
        title={t('bulk.closeTitle', { count: selection.length })}
        label={t('bulk.closeReason')}
        opened={closing}
        pending={close.isPending}
        error={close.error}
        reloadLabel={t('bulk.reload')}
        onReload={() => {
          // The versions in the selection are the stale ones: reload and let the officer pick again.
          setClosing(false);
          onClear();
          void refresh();
        }}
        onClose={() => setClosing(false)}
        onSubmit={(reason) => close.mutate({ items: selection, reason })}
      />
    </Paper>
  );
}
