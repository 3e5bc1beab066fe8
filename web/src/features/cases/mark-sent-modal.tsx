import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import { SEND_METHODS, type SendMethod } from '@pd-desk/shared/cases/case-model';
import { markLetterSentInput } from '@pd-desk/shared/cases/letters.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PastDateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { localSchemaResolver, serverErrorFor } from '../../lib/forms';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';
import type { CaseLetter } from './types';

type Values = { method: SendMethod; sentOn: string | null; trackingNumber: string; note: string };

function toInput(letterId: number, values: Values) {
  return {
    letterId,
    method: values.method,
    sentOn: values.sentOn ?? '',
    trackingNumber: values.method === 'post' ? values.trackingNumber.trim() || undefined : undefined,
    note: values.note.trim() || undefined,
  };
}

const validateInput = localSchemaResolver(markLetterSentInput);

/** How the letter left the clinic: the proof an auditor or RKN will ask for (tracking number for post). */
export function MarkSentModal({ letter, onClose }: { letter: CaseLetter | null; onClose: () => void }) {
  const { t } = useTranslation('cases');
  return (
    <Modal
      opened={letter !== null}
      onClose={onClose}
      title={letter ? t('letters.sentTitle', { number: letter.outgoingNumber }) : ''}
    >
      {letter && <MarkSentForm letter={letter} onDone={onClose} />}
    </Modal>
  );
}

function MarkSentForm({ letter, onDone }: { letter: CaseLetter; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const refresh = useInvalidateCases();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { method: 'post', sentOn: todayIn(me.timeZone), trackingNumber: '', note: '' },
    validate: (values) => validateInput(toInput(letter.id, values)),
  });
  const markSent = useMutation({
    ...trpc.cases.letters.markSent.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('letters.sentSaved') });
      onDone();
      await refresh();
    },
    onError: (error) => setFormError(serverErrorFor(form, error) === null ? null : error),
  });
  const method = form.values.method;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        markSent.mutate(markLetterSentInput.parse(toInput(letter.id, values)));
      })}
    >
      <Stack gap="sm">
        <MutationErrorAlert error={formError} onReload={() => void refresh()} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('letters.method')}
          </Text>
          <SegmentedControl
            aria-label={t('letters.method')}
            data={SEND_METHODS.map((value) => ({ value, label: t(`letters.methods.${value}`) }))}
            {...form.getInputProps('method')}
          />
        </Stack>
        <PastDateField
          label={t('letters.sentOn')}
          timeZone={me.timeZone}
          withAsterisk
          {...form.getInputProps('sentOn')}
        />
        {method === 'post' && (
          <TextInput label={t('letters.trackingNumber')} withAsterisk {...form.getInputProps('trackingNumber')} />
        )}
        {method !== 'post' && (
          <TextInput
            label={method === 'email' ? t('letters.emailNote') : t('letters.personNote')}
            {...form.getInputProps('note')}
          />
        )}
        <FormActions onCancel={onDone} loading={markSent.isPending} submitLabel={t('letters.save')} />
      </Stack>
    </form>
  );
}
