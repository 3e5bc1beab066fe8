import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../components/ui/reason-modal';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';

/** A closed or rejected case is read-only; the officer may reopen it, saying why (audited). */
export function CaseReopen() {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail } = useCasePage();
  const refresh = useInvalidateCases();
  const [asking, setAsking] = useState(false);
  const reopen = useMutation({
    ...trpc.cases.reopen.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('actions.saved') });
      setAsking(false);
      await refresh();
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => {
          reopen.reset();
          setAsking(true);
        }}
      >
        {t('reopen.open')}
      </Button>
      <ReasonModal
        title={t('reopen.title', { number: detail.incomingNumber })}
        label={t('reopen.reason')}
        opened={asking}
        pending={reopen.isPending}
        error={reopen.error}
        onReload={() => void refresh()}
        onClose={() => setAsking(false)}
        onSubmit={(reason) => reopen.mutate({ id: detail.id, version: detail.version, reason })}
      />
    </>
  );
}
