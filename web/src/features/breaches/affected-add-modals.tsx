import { Alert, FileInput, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AFFECTED_CRITERIA, type AffectedCriterion } from '@pd-desk/shared/breaches/breach-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { useFormMutation } from '../../lib/forms';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { type PickedSubject, SubjectPicker } from '../cases/subject-picker';

type Props = { breachId: number; opened: boolean; onClose: () => void };

/** «Everyone with a record in a system / for a purpose / collected in a period»: started as a job with progress. */
export function AddByCriteriaModal({ breachId, opened, onClose }: Props) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const catalogue = useQuery(trpc.subjects.catalogue.list.queryOptions());
  const form = useForm({ initialValues: { kind: 'system' as AffectedCriterion, ref: '', from: '', to: '' } });
  const { formError, handlers } = useFormMutation(form, async () => {
    await refresh();
    onClose();
  });
  const start = useMutation(trpc.breaches.affected.addByCriteria.mutationOptions(handlers));
  const kind = form.values.kind;
  const options = (kind === 'system' ? catalogue.data?.systems : catalogue.data?.purposes) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('affected.byCriteria')} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          start.mutate({
            breachId,
            criteria:
              v.kind === 'system'
                ? { kind: 'system', systemId: Number(v.ref) }
                : v.kind === 'purpose'
                  ? { kind: 'purpose', purposeId: Number(v.ref) }
                  : { kind: 'period', from: v.from, to: v.to },
          }),
        )}
      >
        <Stack gap="sm">
          <Select
            label={t('affected.criterion')}
            data={AFFECTED_CRITERIA.map((c) => ({ value: c, label: t(`affected.kinds.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          {kind === 'period' ? (
            <SimpleGrid cols={2}>
              <TextInput type="date" label={t('affected.from')} {...form.getInputProps('from')} />
              <TextInput type="date" label={t('affected.to')} {...form.getInputProps('to')} />
            </SimpleGrid>
          ) : (
            <Select
              label={t(kind === 'system' ? 'affected.system' : 'affected.purpose')}
              data={options.map((o) => ({ value: String(o.id), label: o.name }))}
              searchable
              {...form.getInputProps('ref')}
            />
          )}
          {formError && <Alert color="red">{formError}</Alert>}
          <FormActions onCancel={onClose} loading={start.isPending} submitLabel={t('affected.start')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A CSV of phones, e-mails or external ids, read in the browser and matched on the server as a job. */
export function AddFromCsvModal({ breachId, opened, onClose }: Props) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const [file, setFile] = useState<File | null>(null);
  const start = useMutation(
    trpc.breaches.affected.addFromCsv.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setFile(null);
        onClose();
      },
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('affected.fromCsv')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('affected.csvHint')}
        </Text>
        <FileInput label={t('affected.csvFile')} accept=".csv,.txt,text/csv" value={file} onChange={setFile} />
        {start.error && <Alert color="red">{errorText(start.error)}</Alert>}
        <FormActions
          onCancel={onClose}
          loading={start.isPending}
          disabled={!file}
          submitLabel={t('affected.start')}
          onSubmit={async () => file && start.mutate({ breachId, csv: await file.text() })}
        />
      </Stack>
    </Modal>
  );
}

/** People found one by one through the subject search (at most 100 at a time). */
export function AddFromSearchModal({ breachId, opened, onClose }: Props) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const [picked, setPicked] = useState<PickedSubject[]>([]);
  const add = useMutation(
    trpc.breaches.affected.add.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setPicked([]);
        onClose();
      },
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('affected.search')} size="lg">
      <Stack gap="sm">
        <SubjectPicker label={t('affected.columns.name')} value={picked} onChange={setPicked} />
        {add.error && <Alert color="red">{errorText(add.error)}</Alert>}
        <FormActions
          onCancel={onClose}
          loading={add.isPending}
          disabled={picked.length === 0}
          submitLabel={t('affected.start')}
          onSubmit={() => add.mutate({ breachId, subjectIds: picked.map((p) => Number(p.value)) })}
        />
      </Stack>
    </Modal>
  );
}
