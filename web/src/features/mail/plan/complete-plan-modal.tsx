import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/ui/form-actions';
import { MutationErrorAlert } from '../../../components/ui/mutation-error-alert';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';
import type { Plan } from './types';

/** Carries out every open task at once; the act needs the protection tool the data was destroyed with. */
export function CompletePlanModal({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const refresh = useInvalidateMail();
  const [tool, setTool] = useState('');
  const destroys = plan.lines.some((line) => line.action === 'destroy' && !line.doneAt);
  const complete = useMutation({
    ...trpc.mail.plan.complete.mutationOptions(),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('completed') });
      onClose();
      await refresh();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('completeTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate({ planId: plan.id, ...(tool.trim() ? { destructionTool: tool.trim() } : {}) });
        }}
      >
        <Stack gap="sm">
          <MutationErrorAlert error={complete.error} onReload={() => void refresh()} />
          <Text size="sm">{t('completeHint')}</Text>
          {destroys && (
            <TextInput
              label={t('tool')}
              description={t('toolHint')}
              value={tool}
              onChange={(event) => setTool(event.currentTarget.value)}
              maxLength={300}
              data-autofocus
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('completeSubmit')}
            loading={complete.isPending}
            submitColor="teal"
            autoFocusSubmit={!destroys}
          />
        </Stack>
      </form>
    </Modal>
  );
}
