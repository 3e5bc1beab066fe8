import { Checkbox, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { API_SCOPE_LABELS, API_SCOPES, DEFAULT_RATE_LIMIT } from '@pd-desk/shared/integrations/api-scopes';
import { type CreateApiKeyInput, createApiKeyInput } from '@pd-desk/shared/integrations/integrations.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/ui/date-field';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';
import { type System, SystemFormModal } from './system-form-modal';

type Props = {
  opened: boolean;
  systems: System[];
  onClose: () => void;
  onCreated: (created: { key: string; system: string }) => void;
};

export function ApiKeyModal({ opened, systems, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation('integrations');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const form = useForm<CreateApiKeyInput>({
    initialValues: { systemId: 0, scopes: ['permissions:read'], rateLimit: DEFAULT_RATE_LIMIT, expiresOn: null },
    validate: localSchemaResolver(createApiKeyInput),
  });
  // The key or secret comes back once, in the answer: handed to the caller to show, never kept in the form.
  const { formError, clearError, handlers } = useFormMutation(form, () => undefined);
  const create = useMutation({
    ...trpc.integrations.createKey.mutationOptions(),
    ...handlers,
    onSuccess: async (created) => {
      await handlers.onSuccess();
      onCreated(created);
    },
  });
  return (
    <SystemFormModal
      opened={opened}
      title={t('keys.create')}
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
      <Checkbox.Group label={t('keys.scopes')} {...form.getInputProps('scopes')}>
        <Stack gap={6} mt={6}>
          {API_SCOPES.map((scope) => (
            <Checkbox key={scope} value={scope} label={`${API_SCOPE_LABELS[scope][lang]} — ${scope}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <NumberInput
        label={t('keys.rateLimit')}
        description={t('keys.rateLimitHint')}
        min={0}
        allowDecimal={false}
        {...form.getInputProps('rateLimit')}
      />
      <DateField
        label={t('keys.expires')}
        description={t('keys.expiresHint')}
        clearable
        value={form.values.expiresOn ?? null}
        onChange={(value) => form.setFieldValue('expiresOn', value ? String(value) : null)}
        error={form.errors.expiresOn}
      />
    </SystemFormModal>
  );
}
