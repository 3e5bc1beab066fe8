import { Alert, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SUBJECT_CATEGORIES, SUBJECT_CATEGORY_LABELS } from '@pd-desk/shared/subjects/subject-categories';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { FormActions } from '../../../components/ui/form-actions';
import { useFormMutation } from '../../../lib/forms';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';
import type { MailItem } from '../types';

/** A person the clinic did not know, from the letter's data: the registrar corrects the case form of the name. */
export function NewSubjectModal({ item, opened, onClose }: { item: MailItem; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('mail');
  const trpc = useTRPC();
  const invalidate = useInvalidateMail();
  const [lastName = '', firstName = '', middleName = ''] = (item.senderName ?? '').split(/\s+/);
  const form = useForm({
    initialValues: {
      lastName,
      firstName,
      middleName,
      birthDate: item.birthDate,
      category: 'patient' as (typeof SUBJECT_CATEGORIES)[number],
      phone: item.phone ?? '',
      email: item.email ?? '',
      address: item.returnAddress ?? '',
      source: item.incomingNumber ? `Письмо вх. № ${item.incomingNumber}` : 'Входящее письмо',
    },
  });
  const { formError, handlers } = useFormMutation(form, async () => {
    await invalidate();
    onClose();
  });
  const create = useMutation({ ...trpc.mail.match.createSubject.mutationOptions(), ...handlers });
  const categories = SUBJECT_CATEGORIES.map((value) => ({
    value,
    label: i18n.language === 'en' ? SUBJECT_CATEGORY_LABELS[value].en : SUBJECT_CATEGORY_LABELS[value].ru,
  }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('match.newSubject')} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate({
            itemId: item.id,
            subject: {
              ...v,
              middleName: v.middleName || undefined,
              birthDate: v.birthDate ?? undefined,
              phone: v.phone || undefined,
              email: v.email || undefined,
              address: v.address || undefined,
            },
          }),
        )}
        noValidate
      >
        <Stack gap="xs">
          {formError && (
            <Alert color="red" role="alert" p="xs">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={3} spacing="xs">
            <TextInput label={t('match.lastName')} withAsterisk data-autofocus {...form.getInputProps('lastName')} />
            <TextInput label={t('match.firstName')} withAsterisk {...form.getInputProps('firstName')} />
            <TextInput label={t('match.middleName')} {...form.getInputProps('middleName')} />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            <DateField label={t('form.birthDate')} {...form.getInputProps('birthDate')} />
            <Select
              label={t('match.category')}
              data={categories}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
            <TextInput label={t('form.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('form.email')} {...form.getInputProps('email')} />
          </SimpleGrid>
          <TextInput label={t('form.address')} {...form.getInputProps('address')} />
          <TextInput label={t('match.source')} withAsterisk {...form.getInputProps('source')} />
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('match.newSubject')} />
        </Stack>
      </form>
    </Modal>
  );
}
