import { Alert, Grid, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LEGAL_BASES, type LegalBasis, PD_FIELDS } from '@pd-desk/shared/subjects/pd-records';
import { addRecordInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DateField, PastDateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';

type Props = { subjectId: number; opened: boolean; onClose: () => void; onDone: () => void };
type Values = z.input<typeof addRecordInput>;

/** A record found by hand (a paper chart, an old spreadsheet): which system holds what, why, on what basis. */
export function AddRecordModal({ subjectId, opened, onClose, onDone }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const { timeZone } = useCurrentUser();
  const catalogue = useQuery({ ...trpc.subjects.catalogue.list.queryOptions(), enabled: opened });
  const form = useForm<Values>({
    initialValues: {
      subjectId,
      systemId: 0,
      purposeId: 0,
      legalBasis: 'consent',
      legalBasisNote: '',
      dataFields: ['full_name'],
      source: '',
      collectedOn: '',
      retainUntil: null,
    },
    validate: localSchemaResolver(addRecordInput),
  });
  const { formError, handlers } = useFormMutation(form, () => {
    onDone();
    onClose();
  });
  const add = useMutation({ ...trpc.subjects.addRecord.mutationOptions(), ...handlers });
  const systems = (catalogue.data?.systems ?? []).filter((s) => s.active);
  const purposes = (catalogue.data?.purposes ?? []).filter((p) => p.active);
  return (
    <Modal opened={opened} onClose={onClose} title={t('records.add')} size="lg">
      <form onSubmit={form.onSubmit((values) => add.mutate({ ...values, subjectId }))}>
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label={t('records.system')}
            data={systems.map((s) => ({ value: String(s.id), label: s.name }))}
            value={form.values.systemId ? String(form.values.systemId) : null}
            onChange={(v) => form.setFieldValue('systemId', Number(v))}
            error={form.errors.systemId && t('records.pick')}
            data-autofocus
          />
          <Select
            label={t('records.purpose')}
            data={purposes.map((p) => ({ value: String(p.id), label: p.name }))}
            value={form.values.purposeId ? String(form.values.purposeId) : null}
            onChange={(v) => {
              const purpose = purposes.find((p) => String(p.id) === v);
              form.setValues({
                purposeId: Number(v),
                legalBasis: purpose?.defaultLegalBasis ?? form.values.legalBasis,
              });
            }}
            error={form.errors.purposeId && t('records.pick')}
          />
          <Grid gap="sm">
            <Grid.Col span={4}>
              <Select
                label={t('records.basis')}
                allowDeselect={false}
                data={LEGAL_BASES.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
                value={form.values.legalBasis}
                onChange={(v) => v && form.setFieldValue('legalBasis', v as LegalBasis)}
              />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={t('records.basisNote')} {...form.getInputProps('legalBasisNote')} />
            </Grid.Col>
          </Grid>
          <MultiSelect
            label={t('records.fields')}
            data={PD_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
            {...form.getInputProps('dataFields')}
          />
          <TextInput label={t('records.source')} {...form.getInputProps('source')} />
          <Group grow>
            <PastDateField label={t('records.collected')} timeZone={timeZone} {...form.getInputProps('collectedOn')} />
            <DateField label={t('records.retainUntil')} clearable {...form.getInputProps('retainUntil')} />
          </Group>
          <FormActions onCancel={onClose} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
