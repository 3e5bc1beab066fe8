import { Anchor, Button, Loader, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusBadge } from '../cases/status-badge';
import type { JournalRow } from './types';

const PAGE = 50;

/** The registrar's home: what was registered lately, newest first, and the button to register more. */
export function IntakeJournal({ onRegister }: { onRegister: () => void }) {
  const { t } = useTranslation('triage');
  const { t: tCases } = useTranslation('cases');
  const trpc = useTRPC();
  const client = useTRPCClient();
  // cases.list pages by offset (tRPC's infinite helpers want a `cursor` input), so the pages are fetched by hand.
  const journal = useInfiniteQuery({
    queryKey: [...trpc.cases.list.queryKey({ limit: PAGE }), 'pages'],
    queryFn: ({ pageParam }) => client.cases.list.query({ limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const rows = journal.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: ColumnDef<JournalRow, unknown>[] = [
    {
      header: t('columns.number'),
      cell: ({ row }) => (
        <Anchor component={Link} to={paths.case.href(row.original.id)} fw={600} size="sm">
          {row.original.incomingNumber}
        </Anchor>
      ),
    },
    { header: t('journal.registered'), cell: ({ row }) => formatDate(row.original.registeredOn) },
    { header: t('columns.received'), cell: ({ row }) => formatDate(row.original.receivedOn) },
    { header: t('columns.type'), cell: ({ row }) => tCases(`types.${row.original.type}`) },
    { header: t('filters.channel'), cell: ({ row }) => tCases(`channels.${row.original.channel}`) },
    { header: t('columns.due'), cell: ({ row }) => formatDate(row.original.dueOn) },
    { header: t('columns.status'), cell: ({ row }) => <StatusBadge status={row.original.status} size="sm" /> },
  ];
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('journal.title')}
        subtitle={t('journal.hint')}
        actions={<Button onClick={onRegister}>{tCases('register.open')}</Button>}
      />
      {journal.isPending ? (
        <Loader size="sm" />
      ) : (
        <DataTable data={rows} columns={columns} emptyText={t('journal.empty')} getRowId={(row) => String(row.id)} />
      )}
      {journal.hasNextPage && (
        <Button variant="default" loading={journal.isFetchingNextPage} onClick={() => void journal.fetchNextPage()}>
          {t('journal.more')}
        </Button>
      )}
    </Stack>
  );
}
