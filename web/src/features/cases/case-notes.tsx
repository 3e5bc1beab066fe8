import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/section';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';
import { CaseTimeline } from './case-timeline';

export function CaseNotes({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail, report } = useCasePage();
  const refresh = useInvalidateCases();
  const [text, setText] = useState('');
  const addNote = useMutation({
    ...trpc.cases.addNote.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      setText('');
      await refresh();
    },
    onError: report,
  });
  const submit = () => text.trim() && addNote.mutate({ id: detail.id, text: text.trim() });
  return (
    <Section title={t('notes.title')}>
      <Stack gap="sm">
        {canWrite && (
          <Stack gap={6}>
            <Textarea
              aria-label={t('notes.add')}
              placeholder={t('notes.placeholder')}
              autosize
              minRows={2}
              maxRows={6}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Ctrl+Enter saves, as in most mail and chat tools; Enter alone is a new line.
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
              }}
            />
            <Group justify="flex-end">
              <Button size="xs" loading={addNote.isPending} disabled={!text.trim()} onClick={submit}>
                {t('notes.add')}
              </Button>
            </Group>
          </Stack>
        )}
        <CaseTimeline events={detail.events} />
      </Stack>
    </Section>
  );
}
