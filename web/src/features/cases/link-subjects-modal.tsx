import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { formatDate } from '../../lib/format';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';
import { type PickedSubject, SubjectPicker } from './subject-picker';
import type { CaseDetail } from './types';

/**
 * A linked person as the case page shows them: masked by the server («И•••••а М. П., ••.••.1985»), or
 * in clear after a reveal (then the birth date is an ISO date to format).
 */
export function subjectLabel(subject: CaseDetail['subjects'][number], revealed = false): string {
  if (!subject.birthDate) return subject.name;
  return `${subject.name}, ${revealed ? formatDate(subject.birthDate) : subject.birthDate}`;
}

export function LinkSubjectsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { detail } = useCasePage();
  return (
    <Modal opened={opened} onClose={onClose} title={t('subjects.title', { number: detail.incomingNumber })} size="lg">
      <LinkSubjectsForm onDone={onClose} />
    </Modal>
  );
}

function LinkSubjectsForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail } = useCasePage();
  const refresh = useInvalidateCases();
  const [picked, setPicked] = useState<PickedSubject[]>(() =>
    detail.subjects.map((subject) => ({ value: String(subject.id), label: subjectLabel(subject) })),
  );
  const save = useMutation({
    ...trpc.cases.setSubjects.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('actions.saved') });
      onDone();
      await refresh();
    },
  });
  return (
    <Stack gap="sm">
      <MutationErrorAlert error={save.error} onReload={() => void refresh()} />
      <SubjectPicker label={t('register.subjects')} value={picked} onChange={setPicked} />
      <FormActions
        onCancel={onDone}
        loading={save.isPending}
        submitLabel={t('subjects.save')}
        onSubmit={() =>
          save.mutate({ id: detail.id, version: detail.version, subjectIds: picked.map((p) => Number(p.value)) })
        }
      />
    </Stack>
  );
}
