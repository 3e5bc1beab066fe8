import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

/** What the browser may send; larger files go through the CLI (see the server's input limit). */
const MAX_BYTES = 12_000_000;
const FINISHED = new Set(['done', 'rejected', 'failed']);

type Problem = { line: number; field: string; reason: string };

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{formatNumber(value)}</Text>
    </div>
  );
}

/** The admin's CSV import: upload, watch the progress, read the report of bad rows. */
export default function SubjectImportRoute() {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useMutation({
    ...trpc.subjects.import.start.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: (job) => setJobId(job.jobId),
  });
  const status = useQuery({
    ...trpc.subjects.import.status.queryOptions({ jobId: jobId ?? 0 }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1000),
  });
  const job = status.data;
  const columns = useMemo<ColumnDef<Problem, unknown>[]>(
    () => [
      { header: t('import.line'), accessorKey: 'line', size: 80 },
      { header: t('import.field'), accessorKey: 'field', size: 140 },
      { header: t('import.reason'), accessorKey: 'reason' },
    ],
    [t],
  );
  const tooBig = file !== null && file.size > MAX_BYTES;
  const total = job?.totalRows ?? 0;
  const percent = total > 0 ? Math.round(((job?.processedRows ?? 0) / total) * 100) : 0;

  return (
    <Stack gap="sm" maw={980}>
      <Anchor component={Link} to={paths.subjects.href()} size="sm">
        ← {t('page.back')}
      </Anchor>
      <PageHeader title={t('import.title')} subtitle={t('import.intro')} />
      <Paper withBorder p="sm">
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (!file || tooBig) return;
            start.mutate({ fileName: file.name, content: await file.text(), skipInvalid });
          }}
        >
          <Group align="flex-end">
            <FileInput
              label={t('import.file')}
              accept=".csv,text/csv"
              w={360}
              value={file}
              onChange={setFile}
              error={tooBig ? t('import.tooBig') : undefined}
              clearable
            />
            <Checkbox
              label={t('import.skipInvalid')}
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
              mb={8}
            />
            <Button type="submit" disabled={!file || tooBig} loading={start.isPending}>
              {t('import.start')}
            </Button>
          </Group>
        </form>
      </Paper>
      <MutationErrorAlert error={start.error} onReload={() => start.reset()} />
      {job && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{job.fileName}</Text>
              <Badge color={job.status === 'done' ? 'teal' : job.status === 'running' ? 'blue' : 'red'} tt="none">
                {t(`import.status.${job.status}`)}
              </Badge>
            </Group>
            <Progress
              value={job.status === 'done' ? 100 : percent}
              animated={job.status === 'running'}
              aria-label={t('import.progressLabel')}
            />
            <Text size="sm" c="dimmed">
              {t('import.progress', { done: formatNumber(job.processedRows), total: formatNumber(total) })}
            </Text>
            <SimpleGrid cols={4}>
              <Figure label={t('import.created')} value={job.created} />
              <Figure label={t('import.updated')} value={job.updated} />
              <Figure label={t('import.unchanged')} value={job.unchanged} />
              <Figure label={t('import.invalid')} value={job.invalidRows} />
            </SimpleGrid>
            {job.message && <Alert color={job.status === 'done' ? 'teal' : 'orange'}>{job.message}</Alert>}
          </Stack>
        </Paper>
      )}
      {job?.problems && job.problems.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('import.problems')}</Text>
          <DataTable data={job.problems} columns={columns} emptyText="—" getRowId={(p) => `${p.line}:${p.field}`} />
        </Stack>
      )}
    </Stack>
  );
}
