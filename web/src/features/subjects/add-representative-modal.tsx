import { Alert, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { REPRESENTATIVE_KINDS } from '@pd-desk/shared/subjects/pd-records';
import { addRepresentativeInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';

type Props = { subjectId: number; opened: boolean; onClose: () => void; onDone: () => void };
type Values = z.input<typeof addRepresentativeInput>;

export function AddRepresentativeModal({ subjectId, opened, onClose, onDone }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const form = useForm<Values>({
    initialValues: { subjectId, kind: 'attorney', fullName: '', contact: '', authorityDocument: '', validUntil: null },
    validate: localSchemaResolver(addRepresentativeInput),
  });
  const { formError, handlers } = useFormMutation(form, () => {
    onDone();
    onClose();
  });
  const add = useMutation({ ...trpc.subjects.addRepresentative.mutationOptions(), ...handlers });
  return (
    <Modal opened={opened} onClose={onClose} title={t('representatives.add')}>
      <form onSubmit={form.onSubmit((values) => add.mutate({ ...values, subjectId }))}>
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label={t('representatives.kind')}
            allowDeselect={false}
            data={REPRESENTATIVE_KINDS.map((k) => ({ value: k, label: t(`representatives.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('representatives.fullName')} data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label={t('representatives.contact')} {...form.getInputProps('contact')} />
          <TextInput label={t('representatives.document')} {...form.getInputProps('authorityDocument')} />
          <DateField label={t('representatives.validUntil')} clearable {...form.getInputProps('validUntil')} />
          <FormActions onCancel={onClose} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
