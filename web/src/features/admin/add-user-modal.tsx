import { Alert, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type CreateUserInput, createUserInput } from '@pd-desk/shared/auth/auth.schemas';
import { ROLES } from '@pd-desk/shared/auth/roles';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';

type Props = { opened: boolean; onClose: () => void; onCreated: () => void };

export function AddUserModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation('admin');
  const { t: tShell } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<CreateUserInput>({
    initialValues: { login: '', displayName: '', role: 'officer', password: '' },
    validate: localSchemaResolver(createUserInput),
  });
  const { formError, clearError, handlers } = useFormMutation(form, () => {
    notifications.show({ color: 'teal', message: t('users.created_ok') });
    onCreated();
    onClose();
  });
  const create = useMutation({ ...trpc.users.create.mutationOptions(), ...handlers });
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add')}>
      <form
        onSubmit={form.onSubmit((values) => {
          clearError();
          create.mutate(values);
        })}
      >
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label={t('users.login')} autoComplete="off" {...form.getInputProps('login')} />
          <TextInput label={t('users.name')} {...form.getInputProps('displayName')} />
          <Select
            label={t('users.role')}
            data={ROLES.map((role) => ({ value: role, label: tShell(`roles.${role}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <PasswordInput label={t('users.password')} autoComplete="new-password" {...form.getInputProps('password')} />
          <FormActions onCancel={onClose} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
