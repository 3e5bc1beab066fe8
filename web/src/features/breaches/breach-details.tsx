import { Alert, Button, Modal, NumberInput, Stack, Table, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { BREACH_CATEGORY_LABELS } from '@pd-desk/shared/breaches/breach-model';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { Section } from '../../components/ui/section';
import { formatNumber } from '../../lib/format';
import { useFormMutation } from '../../lib/forms';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { BreachFormFields, type BreachFormValues, breachPayload } from './breach-form-fields';
import { labelOf } from './labels';
import type { BreachDetail } from './types';

type EditValues = BreachFormValues & {
  subjectsExact: number | string;
  investigationResults: string;
  responsiblePersons: string;
};

function EditBreachModal({ detail, opened, onClose }: { detail: BreachDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const form = useForm<EditValues>({
    initialValues: {
      establishedAt: '',
      category: detail.category,
      foundBy: detail.foundBy,
      foundHow: detail.foundHow,
      description: detail.description,
      dataCategories: detail.dataCategories,
      systemIds: detail.systemIds.map(String),
      subjectsEstimate: detail.subjectsEstimate ?? '',
      causes: detail.causes,
      harm: detail.harm,
      measures: detail.measures,
      rknContact: detail.rknContact,
      subjectsExact: detail.subjectsExact ?? '',
      investigationResults: detail.investigationResults,
      responsiblePersons: detail.responsiblePersons,
    },
  });
  const { formError, handlers } = useFormMutation(
    form,
    async () => {
      await refresh();
      onClose();
    },
    { keepValues: true },
  );
  const update = useMutation(trpc.breaches.update.mutationOptions(handlers));
  return (
    <Modal opened={opened} onClose={onClose} title={t('form.editTitle')} size="xl">
      <form
        onSubmit={form.onSubmit((v) =>
          update.mutate({
            id: detail.id,
            version: detail.version,
            ...breachPayload(v),
            subjectsExact: v.subjectsExact === '' ? null : Number(v.subjectsExact),
            investigationResults: v.investigationResults,
            responsiblePersons: v.responsiblePersons,
          }),
        )}
      >
        <Stack gap="sm">
          <BreachFormFields form={form} withInstant={false} />
          <NumberInput label={t('form.subjectsExact')} min={0} w={200} {...form.getInputProps('subjectsExact')} />
          <Textarea
            label={t('form.investigationResults')}
            autosize
            minRows={2}
            {...form.getInputProps('investigationResults')}
          />
          <Textarea
            label={t('form.responsiblePersons')}
            autosize
            minRows={1}
            {...form.getInputProps('responsiblePersons')}
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <FormActions onCancel={onClose} loading={update.isPending} submitLabel={t('form.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The record as the officer filled it; the edit form also takes the exact count and the investigation's results. */
export function BreachDetails({ detail, canWork }: { detail: BreachDetail; canWork: boolean }) {
  const { t, i18n } = useTranslation('breaches');
  const [editing, setEditing] = useState(false);
  const rows: [string, string][] = [
    [t('form.category'), labelOf(BREACH_CATEGORY_LABELS[detail.category], i18n.language)],
    [t('form.foundBy'), [detail.foundBy, detail.foundHow].filter(Boolean).join(' — ')],
    [t('form.description'), detail.description],
    [t('form.dataCategories'), detail.dataCategories.map((f) => labelOf(PD_FIELD_LABELS[f], i18n.language)).join(', ')],
    [t('form.systems'), detail.systems.map((s) => s.name).join(', ')],
    [t('form.subjectsEstimate'), detail.subjectsEstimate === null ? '' : formatNumber(detail.subjectsEstimate)],
    [t('form.subjectsExact'), detail.subjectsExact === null ? '' : formatNumber(detail.subjectsExact)],
    [t('form.causes'), detail.causes],
    [t('form.harm'), detail.harm],
    [t('form.measures'), detail.measures],
    [
      t('form.contact'),
      [
        detail.rknContact.name,
        detail.rknContact.position,
        detail.rknContact.phone && formatPhoneForDisplay(detail.rknContact.phone),
        detail.rknContact.email,
      ]
        .filter(Boolean)
        .join(', '),
    ],
    [t('form.investigationResults'), detail.investigationResults],
    [t('form.responsiblePersons'), detail.responsiblePersons],
  ];
  return (
    <Section
      title={t('page.details')}
      action={
        canWork &&
        detail.status !== 'closed' && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('page.edit')}
          </Button>
        )
      }
    >
      <Table fz="sm" verticalSpacing={3}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td w="35%" c="dimmed">
                {label}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <EditBreachModal detail={detail} opened onClose={() => setEditing(false)} />}
    </Section>
  );
}
