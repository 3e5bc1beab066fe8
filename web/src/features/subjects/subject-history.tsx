import { Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { Section } from '../../components/ui/section';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import type { HistoryItem, SubjectReveal } from './types';

type Props = { subjectId: number; revealed: SubjectReveal | null };

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** What an entry says beyond its action: the corrected field with reason and evidence, the fields shown, … */
function Details({ item, revealed }: { item: HistoryItem; revealed: SubjectReveal | null }) {
  const { t } = useTranslation('subjects');
  const d = item.details ?? {};
  const r = item.rectification;
  if (r) {
    const full = revealed?.rectifications?.find((x) => x.id === r.id);
    return (
      <Stack gap={0}>
        <Text size="sm">
          {t(`rectify.fields.${r.field}`)}: {(full ? full.oldValue : r.oldValue) ?? '—'} →{' '}
          {(full ? full.newValue : r.newValue) ?? '—'}
        </Text>
        <Text size="xs" c="dimmed">
          {t('history.reason')}: <span lang="ru">{r.reason}</span> · {t('history.evidence')}:{' '}
          <span lang="ru">{r.evidence}</span>
        </Text>
      </Stack>
    );
  }
  if (item.action === 'subject.reveal' && Array.isArray(d.fields)) {
    return <Text size="sm">{d.fields.map((f) => t(`history.revealFields.${text(f)}`)).join(', ')}</Text>;
  }
  if (item.action === 'subject.consent_withdraw') {
    return (
      <Text size="sm">
        {t(`channels.${text(d.channel)}`)}, {formatDate(text(d.receivedOn))}
      </Text>
    );
  }
  if (item.action.includes('merge')) {
    const other = item.action === 'subject.merge' || item.action === 'subject.unmerge' ? d.mergedId : d.survivorId;
    return (
      <Text size="sm">
        {t('history.otherRecord', { id: text(other) })}
        {d.reason ? <span lang="ru"> · {text(d.reason)}</span> : ''}
      </Text>
    );
  }
  // What people typed (a source, a reason, evidence) is Russian whatever the interface language.
  if (item.action === 'subject.create' && d.source) {
    return (
      <Text size="sm" lang="ru">
        {text(d.source)}
      </Text>
    );
  }
  return null;
}

/** The audit trail about this person (and duplicates merged in), with rectifications' reasons and evidence. */
export function SubjectHistory({ subjectId, revealed }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const [includeViews, setIncludeViews] = useState(false);
  const history = useInfiniteQuery(
    trpc.subjects.history.infiniteQueryOptions(
      { subjectId, includeViews, limit: 30 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const items = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data]);
  const columns = useMemo<ColumnDef<HistoryItem, unknown>[]>(
    () => [
      { header: t('history.at'), size: 130, cell: ({ row }) => formatDateTime(row.original.at) },
      { header: t('history.who'), size: 140, cell: ({ row }) => <span lang="ru">{row.original.actorName}</span> },
      {
        header: t('history.what'),
        size: 190,
        cell: ({ row }) => (
          <Group gap={4}>
            <Text size="sm">{t(`history.actions.${row.original.action}`, { defaultValue: row.original.action })}</Text>
            {row.original.subjectId !== subjectId && (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                {t('history.otherRecord', { id: row.original.subjectId })}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        header: '',
        id: 'details',
        size: 520,
        cell: ({ row }) => <Details item={row.original} revealed={revealed} />,
      },
    ],
    [t, subjectId, revealed],
  );
  return (
    <Section
      title={t('sections.history')}
      action={
        <Switch
          size="xs"
          label={t('history.showViews')}
          checked={includeViews}
          onChange={(e) => setIncludeViews(e.currentTarget.checked)}
        />
      }
    >
      <DataTable data={items} columns={columns} emptyText={t('page.empty')} getRowId={(i) => String(i.seq)} />
      {history.hasNextPage && (
        <Button
          mt="xs"
          size="xs"
          variant="default"
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('history.more')}
        </Button>
      )}
    </Section>
  );
}
