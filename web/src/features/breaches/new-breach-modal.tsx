import { Alert, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormActions } from '../../components/ui/form-actions';
import { paths } from '../../config/paths';
import { useFormMutation } from '../../lib/forms';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { BreachFormFields, type BreachFormValues, breachPayload, instantFromDotted } from './breach-form-fields';

const EMPTY: BreachFormValues = {
  establishedAt: '',
  category: 'other',
  foundBy: '',
  foundHow: '',
  description: '',
  dataCategories: [],
  systemIds: [],
  subjectsEstimate: '',
  causes: '',
  harm: '',
  measures: '',
  rknContact: { name: '', position: '', phone: '', email: '' },
};

export function NewBreachModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useInvalidateBreaches();
  const form = useForm<BreachFormValues>({
    initialValues: EMPTY,
    validate: { establishedAt: (v) => (instantFromDotted(v) ? null : t('form.badInstant')) },
  });
  const { formError, handlers } = useFormMutation(form, refresh);
  const create = useMutation(
    trpc.breaches.create.mutationOptions({
      ...handlers,
      onSuccess: async (created) => {
        await handlers.onSuccess();
        onClose();
        await navigate(paths.breach.href(created.id));
      },
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('form.title')} size="xl">
      <form
        onSubmit={form.onSubmit((values) =>
          create.mutate({ establishedAt: instantFromDotted(values.establishedAt) ?? '', ...breachPayload(values) }),
        )}
      >
        <Stack gap="sm">
          <BreachFormFields form={form} withInstant />
          {formError && <Alert color="red">{formError}</Alert>}
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('form.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
