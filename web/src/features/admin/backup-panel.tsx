import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { formatDateTime, formatNumber } from '../../lib/format';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';

type BackupRow = { name: string; sizeBytes: number; createdAt: string };

const megabytes = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10);

/**
 * Online backup of the embedded database into the server's backup folder. The copy never travels to the
 * browser: it holds everyone's personal data and belongs on the clinic's disks, not in a download folder.
 */
export function BackupPanel() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.backup.status.queryOptions());
  const create = useMutation({
    ...trpc.backup.create.mutationOptions(),
    onSuccess: (made) => {
      notifications.show({
        color: 'teal',
        message: t('backup.done', { file: made.file, size: megabytes(made.sizeBytes), seq: made.auditHead?.seq ?? 0 }),
      });
      return queryClient.invalidateQueries(trpc.backup.pathFilter());
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const columns = useMemo<ColumnDef<BackupRow, unknown>[]>(
    () => [
      { header: t('backup.file'), cell: ({ row }) => <Code>{row.original.name}</Code> },
      { header: t('backup.created'), cell: ({ row }) => formatDateTime(row.original.createdAt), size: 150 },
      { header: t('backup.size'), cell: ({ row }) => megabytes(row.original.sizeBytes), size: 100 },
    ],
    [t],
  );
  const data = status.data;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('backup.title')}
        </Title>
        {data?.database === 'pglite' && (
          <Button loading={create.isPending} disabled={!data.available} onClick={() => create.mutate()}>
            {t('backup.create')}
          </Button>
        )}
      </Group>
      {data?.database === 'postgres' && <Alert color="blue">{t('backup.postgres')}</Alert>}
      {data?.database === 'pglite' && !data.backupDir && <Alert color="yellow">{t('backup.noFolder')}</Alert>}
      {data?.backupDir && (
        <>
          <Text size="sm" c="dimmed">
            {t('backup.schedule', { dir: data.backupDir, count: data.keep })}
          </Text>
          <DataTable data={data.backups} columns={columns} emptyText={t('backup.none')} getRowId={(b) => b.name} />
        </>
      )}
    </Stack>
  );
}
