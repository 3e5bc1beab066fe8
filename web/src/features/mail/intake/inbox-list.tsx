import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { READERS } from '@pd-desk/shared/auth/roles';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import { hasRole, useCurrentUser } from '../../auth/use-session';
import type { InboxRow } from '../types';

type Row = InboxRow;

const MATCH_COLORS = { pending: 'gray', matched: 'teal', new_subject: 'blue', unidentified: 'orange' } as const;

/** The incoming list, newest first, senders masked; the search box looks in the text for those who read it. */
export function InboxList() {
  const { t } = useTranslation('mail');
  const { t: tc } = useTranslation('cases');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useQuery({
    ...trpc.mail.intake.list.queryOptions({ q: debounced || undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnDef<Row, unknown>[] = [
    {
      header: t('list.number'),
      cell: ({ row }) => (
        <Anchor component={Link} to={paths.mailItem.href(row.original.id)} size="sm">
          {row.original.incomingNumber ?? t('list.noCase')}
        </Anchor>
      ),
    },
    { header: t('list.receivedOn'), cell: ({ row }) => formatDate(row.original.receivedOn) },
    { header: t('list.channel'), cell: ({ row }) => t(`channels.${row.original.channel}`) },
    { header: t('list.sender'), cell: ({ row }) => row.original.sender ?? '—' },
    { header: t('list.kind'), cell: ({ row }) => tc(`types.${row.original.kind}`) },
    {
      header: t('list.match'),
      cell: ({ row }) => (
        <Badge variant="light" color={MATCH_COLORS[row.original.matchStatus]}>
          {t(`matchStatuses.${row.original.matchStatus}`)}
        </Badge>
      ),
    },
    { header: t('list.ocr'), cell: ({ row }) => t(`scans.ocr.${row.original.ocrStatus}`) },
    { header: t('list.due'), cell: ({ row }) => formatDate(row.original.dueOn) },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('list.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('list.total', { count: list.data?.total ?? 0 })}
          </Text>
        </Group>
        <TextInput
          placeholder={hasRole(me.role, READERS) ? t('list.search') : t('list.searchRegistrar')}
          aria-label={t('list.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
        />
        <DataTable
          data={list.data?.items ?? []}
          columns={columns}
          emptyText={t('list.empty')}
          getRowId={(r) => String(r.id)}
        />
      </Stack>
    </Paper>
  );
}
