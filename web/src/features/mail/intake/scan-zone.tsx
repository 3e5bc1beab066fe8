import { ActionIcon, Alert, Button, Group, Paper, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc';
import { ScanPages } from '../scan-pages';
import type { useLetterScans } from './use-scans';

type Props = { scans: ReturnType<typeof useLetterScans>; startRef: RefObject<HTMLButtonElement | null> };

/** Files dragged in: scans only (the e-mail zone takes .eml). */
export function droppedFiles(event: DragEvent): File[] {
  event.preventDefault();
  return Array.from(event.dataTransfer.files);
}

/**
 * Where a letter starts: the scanner folder's newest file (Enter on the focused button), a dropped file or
 * the picker. Every page is previewed (PNG rendered by the server), with the reading's progress.
 */
export function ScanZone({ scans, startRef }: Props) {
  const { t } = useTranslation('mail');
  const trpc = useTRPC();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const scanner = useQuery({ ...trpc.mail.intake.scannerFiles.queryOptions(), refetchInterval: 5000 });
  const next = scanner.data?.files[0];
  const zone = useRef<HTMLDivElement>(null);

  // A new file in the scanner folder while the registrar waits on an empty letter: Enter takes it.
  useEffect(() => {
    if (!next || scans.scans.length > 0) return;
    const active = document.activeElement;
    // An empty field the cursor merely rests in is not typing; the registrar's own text is never left.
    const typing = (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.value !== '';
    if (!typing || zone.current?.contains(active)) startRef.current?.focus();
  }, [next, scans.scans.length, startRef]);

  return (
    <Stack gap="xs">
      <Paper
        ref={zone}
        withBorder
        p="sm"
        bg={over ? 'blue.0' : undefined}
        style={{ borderStyle: 'dashed' }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          setOver(false);
          scans.addFiles(droppedFiles(e));
        }}
        data-testid="scan-drop"
      >
        <Stack gap={6}>
          {next && (
            <Button
              ref={startRef}
              variant="light"
              onClick={() => scans.takeFromScanner(next.name)}
              loading={scans.busy}
            >
              {t('scans.fromScanner', { name: next.name })}
            </Button>
          )}
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('scans.drop')}
            </Text>
            <Button
              ref={next ? undefined : startRef}
              size="xs"
              variant="default"
              onClick={() => input.current?.click()}
              loading={scans.busy && !next}
            >
              {t('scans.pick')}
            </Button>
          </Group>
          {scanner.data?.configured && !next && (
            <Text size="xs" c="dimmed">
              {t('scans.scannerEmpty')}
            </Text>
          )}
          <input
            ref={input}
            type="file"
            hidden
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*"
            aria-label={t('scans.pick')}
            onChange={(e) => {
              scans.addFiles(Array.from(e.currentTarget.files ?? []));
              e.currentTarget.value = '';
            }}
          />
        </Stack>
      </Paper>
      {scans.error && (
        <Alert color="red" role="alert" p="xs">
          {scans.error}
        </Alert>
      )}
      {scans.scans.length > 0 && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" data-testid="ocr-status">
            {t(`scans.ocr.${scans.ocr.status}`)}
          </Text>
          {(scans.ocr.status === 'running' || scans.ocr.status === 'queued') && (
            <Progress value={Math.round(scans.ocr.progress * 100)} animated aria-label={t('scans.ocr.running')} />
          )}
        </Stack>
      )}
      <ScrollArea.Autosize mah={420}>
        <Stack gap="xs">
          {scans.scans.map((scan) => (
            <Paper key={scan.id} withBorder p={6}>
              <Group justify="space-between" mb={4}>
                <Text size="xs" truncate maw={260}>
                  {scan.fileName}
                </Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('scans.remove')}
                  tabIndex={-1}
                  onClick={() => scans.remove(scan.id)}
                >
                  ×
                </ActionIcon>
              </Group>
              <ScanPages scan={scan} maxHeight={360} />
            </Paper>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
