import { Alert, Modal, Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';

export type System = { id: number; code: string; name: string };

type Props<T extends { systemId: number }> = {
  opened: boolean;
  title: string;
  systems: System[];
  form: UseFormReturnType<T>;
  formError: string | null;
  loading: boolean;
  onClose: () => void;
  onSubmit: (values: T) => void;
  children: ReactNode;
};

/** The frame both forms of the screen share: a modal, a form, the system it is for, then its own fields. */
export function SystemFormModal<T extends { systemId: number }>(props: Props<T>) {
  const { opened, title, systems, form, formError, loading, onClose, onSubmit, children } = props;
  const { t } = useTranslation('integrations');
  const systemId = form.values.systemId;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(onSubmit)}>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label={t('keys.system')}
            data={systems.map((s) => ({ value: String(s.id), label: `${s.name} (${s.code})` }))}
            value={systemId ? String(systemId) : null}
            onChange={(value) => form.setFieldValue('systemId' as never, Number(value ?? 0) as never)}
            error={form.errors.systemId}
            searchable
          />
          {children}
          <FormActions onCancel={onClose} loading={loading} submitLabel={title} />
        </Stack>
      </form>
    </Modal>
  );
}
