import { Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './form-actions';
import { MutationErrorAlert } from './mutation-error-alert';

type Props = {
  title: string;
  label: string;
  opened: boolean;
  pending: boolean;
  error: unknown;
  reloadLabel?: string;
  onReload: () => void;
  onClose: () => void;
  onSubmit: (reason: string) => void;
};

/** A required reason (closing without an answer, refusing): the text survives a conflict and a reload. */
export function ReasonModal(props: Props) {
  const { title, label, opened, pending, error, reloadLabel, onReload, onClose, onSubmit } = props;
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onSubmit(reason.trim());
        }}
      >
        <Stack gap="sm">
          <MutationErrorAlert error={error} reloadLabel={reloadLabel} onReload={onReload} />
          <Textarea
            label={label}
            required
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <FormActions
            onCancel={onClose}
            loading={pending}
            disabled={!reason.trim()}
            submitLabel={t('actions.confirm')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
