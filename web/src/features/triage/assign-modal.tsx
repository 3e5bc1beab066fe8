import { Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseRef } from '@pd-desk/shared/cases/cases.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';
import { useOfficers } from '../cases/use-officers';

const NOBODY = 'none';

type Props = { items: CaseRef[] | null; onClose: () => void; onDone: () => void };

/** One picker for a single row (key «a») and for a selection: the officer's own name comes first. */
export function AssignModal({ items, onClose, onDone }: Props) {
  const { t } = useTranslation('triage');
  return (
    // Opened by a key, not a button: handing focus "back" after closing would only steal it from whatever
    // the next key (say «/» for the search) focused meanwhile.
    <Modal
      opened={items !== null}
      onClose={onClose}
      title={t('assign.title', { count: items?.length ?? 0 })}
      returnFocus={false}
    >
      {items && <AssignForm items={items} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function AssignForm({ items, onClose, onDone }: Props & { items: CaseRef[] }) {
  const { t } = useTranslation('triage');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const officers = useOfficers();
  const refresh = useInvalidateCases();
  const [value, setValue] = useState<string | null>(String(me.id));
  const assign = useMutation({
    ...trpc.triage.bulkAssign.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (result) => {
      notifications.show({ color: 'teal', message: t('bulk.assigned', { count: result.updated }) });
      onDone();
      await refresh();
    },
  });
  const options = [
    ...officers.map((o) => (o.value === String(me.id) ? { ...o, label: t('assign.me', { name: o.label }) } : o)),
    { value: NOBODY, label: t('assign.nobody') },
  ].sort((a, b) => Number(b.value === String(me.id)) - Number(a.value === String(me.id)));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (value) assign.mutate({ items, assigneeId: value === NOBODY ? null : Number(value) });
      }}
    >
      <Stack gap="sm">
        <MutationErrorAlert
          error={assign.error}
          reloadLabel={t('bulk.reload')}
          onReload={() => {
            // The selected versions are stale: reload and let the officer pick again.
            onDone();
            void refresh();
          }}
        />
        <Select
          label={t('assign.assignee')}
          data={options}
          value={value}
          onChange={setValue}
          allowDeselect={false}
          searchable
        />
        {/* Focus starts on the submit button: «a», then Enter assigns to me; Escape closes. */}
        <FormActions
          onCancel={onClose}
          loading={assign.isPending}
          disabled={!value}
          submitLabel={t('assign.submit')}
          autoFocusSubmit
        />
      </Stack>
    </form>
  );
}
