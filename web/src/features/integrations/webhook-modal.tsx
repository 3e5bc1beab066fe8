import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { INTEGRATION_EVENT_TYPES } from '@pd-desk/shared/integrations/integration-events';
import { type CreateWebhookInput, createWebhookInput } from '@pd-desk/shared/integrations/integrations.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';
import { EVENT_LABELS } from './event-labels';
import { type System, SystemFormModal } from './system-form-modal';

type Props = { opened: boolean; systems: System[]; onClose: () => void; onCreated: (secret: string) => void };

export function WebhookModal({ opened, systems, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation('integrations');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const form = useForm<CreateWebhookInput>({
    initialValues: { systemId: 0, url: '', eventTypes: [...INTEGRATION_EVENT_TYPES] },
    validate: localSchemaResolver(createWebhookInput),
  });
  // The key or secret comes back once, in the answer: handed to the caller to show, never kept in the form.
  const { formError, clearError, handlers } = useFormMutation(form, () => undefined);
  const create = useMutation({
    ...trpc.integrations.createWebhook.mutationOptions(),
    ...handlers,
    onSuccess: async (created) => {
      await handlers.onSuccess();
      onCreated(created.secret);
    },
  });
  return (
    <SystemFormModal
      opened={opened}
      title={t('webhooks.create')}
      systems={systems}
      form={form}
      formError={formError}
      loading={create.isPending}
      onClose={onClose}
      onSubmit={(values) => {
        clearError();
        create.mutate(values);
      }}
    >
      <TextInput
        label={t('webhooks.url')}
        placeholder="https://booking.example.ru/hooks/pd-desk"
        {...form.getInputProps('url')}
      />
      <Checkbox.Group label={t('webhooks.events')} {...form.getInputProps('eventTypes')}>
        <Stack gap={6} mt={6}>
          {INTEGRATION_EVENT_TYPES.map((type) => (
            <Checkbox key={type} value={type} label={`${EVENT_LABELS[type][lang]} — ${type}`} />
          ))}
        </Stack>
      </Checkbox.Group>
    </SystemFormModal>
  );
}
