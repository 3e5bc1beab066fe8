import { Alert, Checkbox, FileInput, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ImportCalendarInput } from '@pd-desk/shared/calendar/calendar.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { useInvalidateEverything } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';

/** XML by its name or its first character; everything else is read as the JSON shape PD Desk ships. */
async function toImportInput(file: File, verified: boolean): Promise<ImportCalendarInput> {
  const text = await file.text();
  if (file.name.toLowerCase().endsWith('.xml') || text.trimStart().startsWith('<')) {
    return { format: 'xml', xml: text, verified };
  }
  return { format: 'json', year: JSON.parse(text) as unknown, verified };
}

export function ImportCalendarModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  return (
    <Modal opened={opened} onClose={onClose} title={t('importTitle')} size="lg">
      <ImportForm onDone={onClose} />
    </Modal>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('calendar');
  const trpc = useTRPC();
  const invalidateEverything = useInvalidateEverything();
  const [file, setFile] = useState<File | null>(null);
  const [verified, setVerified] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const importYear = useMutation({
    ...trpc.calendar.import.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (result) => {
      notifications.show({ color: 'teal', message: t('imported', { year: result.year, count: result.changedCases }) });
      onDone();
      // Open cases were re-dated in the same transaction: every screen showing a due date refreshes.
      await invalidateEverything();
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const submit = async () => {
    if (!file) return;
    setProblem(null);
    try {
      importYear.mutate(await toImportInput(file, verified));
    } catch (error) {
      setProblem(t('notJson', { reason: (error as Error).message }));
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('importHint')}
      </Text>
      {problem && (
        <Alert color="red" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {problem}
        </Alert>
      )}
      <FileInput
        label={t('file')}
        placeholder={t('filePlaceholder')}
        accept=".json,.xml,application/json,text/xml,application/xml"
        value={file}
        onChange={(next) => {
          setFile(next);
          setProblem(null);
        }}
        clearable
      />
      <Checkbox label={t('fileVerified')} checked={verified} onChange={(e) => setVerified(e.currentTarget.checked)} />
      <FormActions
        onCancel={onDone}
        disabled={!file}
        loading={importYear.isPending}
        submitLabel={t('submit')}
        onSubmit={() => void submit()}
      />
    </Stack>
  );
}
