import { Anchor, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDateTime } from '../../lib/format';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { CSRF_HEADER, useTRPC } from '../../lib/trpc';
import type { BreachDetail } from './types';

async function uploadBreachFile(breachId: number, file: File): Promise<void> {
  const form = new FormData();
  form.append('breachId', String(breachId));
  form.append('file', file, file.name);
  const response = await fetch(paths.breachAttachmentUpload.href(), {
    method: 'POST',
    body: form,
    headers: CSRF_HEADER,
  });
  if (response.status !== 201) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? response.statusText);
  }
}

/** Files of the incident (stored in the file store, ADR 0012). */
export function BreachAttachments({ detail, canWork }: { detail: BreachDetail; canWork: boolean }) {
  const { t } = useTranslation('breaches');
  const refresh = useInvalidateBreaches();
  const upload = useMutation({
    mutationFn: (file: File) => uploadBreachFile(detail.id, file),
    onSuccess: () => refresh(),
  });
  return (
    <Section title={t('page.attachments')}>
      <Stack gap={4}>
        {detail.attachments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('page.noAttachments')}
          </Text>
        )}
        {detail.attachments.map((a) => (
          <Anchor key={a.id} size="sm" href={paths.breachAttachment.href(a.id)} target="_blank">
            {a.fileName}
          </Anchor>
        ))}
        {canWork && detail.status !== 'closed' && (
          <FileInput
            size="xs"
            placeholder={t('page.upload')}
            aria-label={t('page.upload')}
            // The placeholder is the control's only text, the action it offers: it reads as text (4.5:1), not pale.
            styles={{ placeholder: { color: 'var(--mantine-color-text)' } }}
            value={null}
            onChange={(file) => file && upload.mutate(file)}
          />
        )}
        {upload.error && (
          <Text size="sm" c="red">
            {errorText(upload.error)}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

/** Every event of the incident, newest first, with a free note. */
export function BreachTimeline({ detail, canWork }: { detail: BreachDetail; canWork: boolean }) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const [note, setNote] = useState('');
  const add = useMutation(
    trpc.breaches.addNote.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
      },
    }),
  );
  return (
    <Section title={t('page.timeline')}>
      <Stack gap="xs">
        {canWork && (
          <Group align="end" gap="xs">
            <Textarea
              flex={1}
              autosize
              minRows={1}
              placeholder={t('page.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button
              size="xs"
              disabled={!note.trim()}
              loading={add.isPending}
              onClick={() => add.mutate({ id: detail.id, text: note })}
            >
              {t('page.addNote')}
            </Button>
          </Group>
        )}
        {detail.events.map((event) => (
          <Stack key={event.id} gap={0}>
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at)} · {event.actor ?? 'system'}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.text}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
