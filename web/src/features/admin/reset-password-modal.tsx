import { Alert, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { resetPasswordInput } from '@pd-desk/shared/auth/auth.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';

type Props = { user: { id: number; login: string } | null; onClose: () => void };

export function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const form = useForm({
    initialValues: { password: '' },
    validate: localSchemaResolver(resetPasswordInput.pick({ password: true })),
  });
  const { formError, handlers } = useFormMutation(form, () => {
    notifications.show({ color: 'teal', message: t('users.saved') });
    onClose();
  });
  const reset = useMutation({ ...trpc.users.resetPassword.mutationOptions(), ...handlers });
  return (
    <Modal opened={user !== null} onClose={onClose} title={`${t('users.resetPassword')}: ${user?.login ?? ''}`}>
      <form
        onSubmit={form.onSubmit(({ password }) => {
          if (user) reset.mutate({ userId: user.id, password });
        })}
      >
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <PasswordInput
            label={t('users.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <FormActions onCancel={onClose} loading={reset.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
