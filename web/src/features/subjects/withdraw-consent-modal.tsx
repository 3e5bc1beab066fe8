import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import { WITHDRAWAL_CHANNELS, type WithdrawalChannel } from '@pd-desk/shared/subjects/pd-records';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PastDateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';
import type { Consent } from './types';

type Props = { consent: Consent | null; onClose: () => void; onDone: () => void };

export function WithdrawConsentModal({ consent, onClose, onDone }: Props) {
  const { t } = useTranslation('subjects');
  const me = useCurrentUser();
  const today = todayIn(me.timeZone);
  const trpc = useTRPC();
  const [channel, setChannel] = useState<WithdrawalChannel>('email');
  const [receivedOn, setReceivedOn] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const withdraw = useMutation({
    ...trpc.subjects.withdrawConsent.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: () => onDone(),
  });
  const close = () => {
    withdraw.reset();
    onClose();
  };
  return (
    <Modal opened={consent !== null} onClose={close} title={t('consents.withdrawTitle')}>
      {withdraw.data ? (
        <Stack gap="sm">
          <Alert color="teal">{t('consents.withdrawnOk', { date: formatDate(withdraw.data.stopBy) })}</Alert>
          {withdraw.data.recordIds.length > 0 && (
            <Alert color="orange">{t('consents.dependent', { count: withdraw.data.recordIds.length })}</Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>OK</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (consent && receivedOn && receivedOn <= today) {
              withdraw.mutate({ consentId: consent.id, version: consent.version, channel, receivedOn, note });
            }
          }}
        >
          <Stack gap="sm">
            <MutationErrorAlert error={withdraw.error} onReload={close} />
            <Select
              label={t('consents.channel')}
              allowDeselect={false}
              data={WITHDRAWAL_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              value={channel}
              onChange={(v) => v && setChannel(v as WithdrawalChannel)}
            />
            <PastDateField
              label={t('consents.receivedOn')}
              timeZone={me.timeZone}
              withAsterisk
              value={receivedOn}
              onChange={setReceivedOn}
            />
            <Textarea
              label={t('consents.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <FormActions
              onCancel={close}
              submitColor="red"
              loading={withdraw.isPending}
              disabled={!receivedOn || receivedOn > today}
              submitLabel={t('consents.withdraw')}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
