import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { BREACH_CATEGORIES, BREACH_CATEGORY_LABELS } from '@pd-desk/shared/breaches/breach-model';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { PD_FIELDS, type PdField } from '@pd-desk/shared/subjects/pd-records';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { labelOf } from './labels';

export type BreachFormValues = {
  establishedAt: string;
  category: string;
  foundBy: string;
  foundHow: string;
  description: string;
  dataCategories: string[];
  systemIds: string[];
  subjectsEstimate: number | string;
  causes: string;
  harm: string;
  measures: string;
  rknContact: { name: string; position: string; phone: string; email: string };
};

/** «31.12.2026 23:30» → «2026-12-31T23:30» (the server reads it in the operator's zone); null if it is not one. */
export function instantFromDotted(value: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})\s+(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  return `${m[3]}-${m[2]}-${m[1]}T${m[4]?.padStart(2, '0')}:${m[5]}`;
}

export function breachPayload(values: BreachFormValues) {
  return {
    category: values.category as (typeof BREACH_CATEGORIES)[number],
    foundBy: values.foundBy,
    foundHow: values.foundHow,
    description: values.description,
    dataCategories: values.dataCategories as PdField[],
    systemIds: values.systemIds.map(Number),
    subjectsEstimate: values.subjectsEstimate === '' ? null : Number(values.subjectsEstimate),
    causes: values.causes,
    harm: values.harm,
    measures: values.measures,
    rknContact: values.rknContact,
  };
}

/** The incident's fields, shared by the «new incident» modal and the edit form on its page. */
export function BreachFormFields({
  form,
  withInstant,
}: {
  form: UseFormReturnType<BreachFormValues>;
  withInstant: boolean;
}) {
  const { t, i18n } = useTranslation('breaches');
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.subjects.catalogue.list.queryOptions());
  const systems = (catalogue.data?.systems ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  return (
    <>
      <SimpleGrid cols={2} spacing="sm">
        {withInstant && (
          <TextInput
            label={t('form.establishedAt')}
            description={t('form.establishedAtHint', { zone: 'Asia/Yekaterinburg' })}
            placeholder="31.12.2026 23:30"
            data-autofocus
            {...form.getInputProps('establishedAt')}
          />
        )}
        <Select
          label={t('form.category')}
          data={BREACH_CATEGORIES.map((c) => ({ value: c, label: labelOf(BREACH_CATEGORY_LABELS[c], i18n.language) }))}
          {...form.getInputProps('category')}
        />
        <TextInput label={t('form.foundBy')} {...form.getInputProps('foundBy')} />
        <TextInput label={t('form.foundHow')} {...form.getInputProps('foundHow')} />
      </SimpleGrid>
      <Textarea label={t('form.description')} autosize minRows={2} {...form.getInputProps('description')} />
      <SimpleGrid cols={2} spacing="sm">
        <MultiSelect
          label={t('form.dataCategories')}
          data={PD_FIELDS.map((f) => ({ value: f, label: labelOf(PD_FIELD_LABELS[f], i18n.language) }))}
          {...form.getInputProps('dataCategories')}
        />
        <MultiSelect label={t('form.systems')} data={systems} searchable {...form.getInputProps('systemIds')} />
      </SimpleGrid>
      <NumberInput label={t('form.subjectsEstimate')} min={0} w={200} {...form.getInputProps('subjectsEstimate')} />
      <Textarea label={t('form.causes')} autosize minRows={1} {...form.getInputProps('causes')} />
      <Textarea label={t('form.harm')} autosize minRows={1} {...form.getInputProps('harm')} />
      <Textarea label={t('form.measures')} autosize minRows={1} {...form.getInputProps('measures')} />
      <Group grow>
        <TextInput
          label={`${t('form.contact')}: ${t('form.contactName')}`}
          {...form.getInputProps('rknContact.name')}
        />
        <TextInput label={t('form.contactPosition')} {...form.getInputProps('rknContact.position')} />
      </Group>
      <Group grow>
        <TextInput label={t('form.contactPhone')} {...form.getInputProps('rknContact.phone')} />
        <TextInput label={t('form.contactEmail')} {...form.getInputProps('rknContact.email')} />
      </Group>
    </>
  );
}
