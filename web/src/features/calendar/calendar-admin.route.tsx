import { Badge, Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { FormActions } from '../../components/ui/form-actions';
import { PageHeader } from '../../components/ui/page-header';
import { formatDateTime } from '../../lib/format';
import { useInvalidateEverything } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { ImportCalendarModal } from './import-calendar-modal';
import type { CalendarYearRow } from './types';

/** «27.12, 28.12»: the transfers are what differs from year to year, so they are shown in full. */
const dayMonths = (dates: readonly string[]) => dates.map((d) => `${d.slice(8, 10)}.${d.slice(5, 7)}`).join(', ');

export default function CalendarAdminRoute() {
  const { t } = useTranslation('calendar');
  const trpc = useTRPC();
  const years = useQuery(trpc.calendar.years.queryOptions());
  const [importing, setImporting] = useState(false);
  const [confirming, setConfirming] = useState<CalendarYearRow | null>(null);

  const columns: ColumnDef<CalendarYearRow, unknown>[] = [
    { header: t('year'), cell: ({ row }) => <Text fw={700}>{row.original.year}</Text>, size: 70 },
    {
      header: t('status'),
      size: 200,
      cell: ({ row }) =>
        row.original.verified ? (
          <Badge color="teal" variant="light">
            {t('verified')}
          </Badge>
        ) : (
          <Stack gap={2}>
            <Badge color="orange" variant="light">
              {t('provisional')}
            </Badge>
            {/* The calendar source's own remark, in Russian whatever the interface language. */}
            {row.original.statusNote && (
              <Text size="xs" c="dimmed" lang="ru">
                {row.original.statusNote}
              </Text>
            )}
          </Stack>
        ),
    },
    { header: t('workingDays'), cell: ({ row }) => row.original.stats.workingDays, size: 90 },
    {
      header: t('holidays'),
      cell: ({ row }) => <Text size="xs">{dayMonths(row.original.holidays) || t('none')}</Text>,
    },
    {
      header: t('workingWeekends'),
      size: 130,
      cell: ({ row }) => <Text size="xs">{dayMonths(row.original.workingWeekends) || t('none')}</Text>,
    },
    {
      header: t('origin'),
      size: 170,
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="xs">
            {row.original.origin === 'bundled'
              ? t('bundled')
              : t('imported', { at: formatDateTime(row.original.importedAt), by: row.original.importedBy ?? '—' })}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1} title={row.original.source}>
            {row.original.source}
          </Text>
        </Stack>
      ),
    },
    {
      header: t('actions'),
      size: 160,
      cell: ({ row }) => (
        <Button
          size="compact-xs"
          variant={row.original.verified ? 'subtle' : 'light'}
          color={row.original.verified ? 'gray' : 'teal'}
          onClick={() => setConfirming(row.original)}
        >
          {row.original.verified ? t('markProvisional') : t('markVerified')}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<Button onClick={() => setImporting(true)}>{t('import')}</Button>}
      />
      <DataTable data={years.data ?? []} columns={columns} emptyText="—" getRowId={(row) => String(row.year)} />
      <ImportCalendarModal opened={importing} onClose={() => setImporting(false)} />
      <VerifyModal year={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}

function VerifyModal({ year, onClose }: { year: CalendarYearRow | null; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  const trpc = useTRPC();
  const invalidateEverything = useInvalidateEverything();
  const setVerified = useMutation({
    ...trpc.calendar.setVerified.mutationOptions(),
    onSuccess: async (result) => {
      notifications.show({ color: 'teal', message: t('changed', { year: result.year, count: result.changedCases }) });
      onClose();
      // Due dates of open cases were recomputed with the flag: every screen showing them refreshes.
      await invalidateEverything();
    },
  });
  const verifying = year !== null && !year.verified;
  return (
    <Modal
      opened={year !== null}
      onClose={onClose}
      title={
        year &&
        (verifying ? t('confirmVerifiedTitle', { year: year.year }) : t('confirmProvisionalTitle', { year: year.year }))
      }
    >
      <Stack gap="sm">
        <Text size="sm">{verifying ? t('confirmVerified') : t('confirmProvisional')}</Text>
        <FormActions
          onCancel={onClose}
          loading={setVerified.isPending}
          submitLabel={t('confirm')}
          onSubmit={() => year && setVerified.mutate({ year: year.year, verified: verifying })}
        />
      </Stack>
    </Modal>
  );
}
