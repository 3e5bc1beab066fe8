import { Alert, Grid, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { SUBJECT_CATEGORIES } from '@pd-desk/shared/subjects/subject-categories';
import { type CreateSubjectInput, createSubjectInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { paths } from '../../config/paths';
import { localSchemaResolver, serverErrorFor } from '../../lib/forms';
import { useInvalidateSubjects } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';

type Props = { opened: boolean; onClose: () => void };

const EMPTY: CreateSubjectInput = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: null,
  category: 'claimant',
  phone: '',
  email: '',
  address: '',
  source: '',
};

/** A person nobody has on file yet (the sender of a letter): added by hand, with where the data came from. */
export function AddSubjectModal({ opened, onClose }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const invalidateSubjects = useInvalidateSubjects();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateSubjectInput>({
    initialValues: EMPTY,
    validate: localSchemaResolver(createSubjectInput),
  });
  const create = useMutation({
    ...trpc.subjects.create.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async ({ id }) => {
      notifications.show({ color: 'teal', message: t('add.created') });
      await invalidateSubjects();
      form.reset();
      onClose();
      navigate(paths.subject.href(id));
    },
    onError: (error) => setFormError(serverErrorFor(form, error)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('add.title')} size="lg">
      <form
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <Grid gap="sm">
            <Grid.Col span={4}>
              <TextInput label={t('add.lastName')} data-autofocus {...form.getInputProps('lastName')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('add.firstName')} {...form.getInputProps('firstName')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('add.middleName')} {...form.getInputProps('middleName')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <DateField label={t('add.birthDate')} clearable {...form.getInputProps('birthDate')} />
            </Grid.Col>
            <Grid.Col span={8}>
              <Select
                label={t('add.category')}
                allowDeselect={false}
                data={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
                {...form.getInputProps('category')}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('add.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('add.email')} type="email" {...form.getInputProps('email')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t('add.address')} {...form.getInputProps('address')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('add.source')}
                placeholder={t('add.sourcePlaceholder')}
                withAsterisk
                {...form.getInputProps('source')}
              />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('add.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
