import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS } from '@pd-desk/shared/audit/audit-action-labels';
import { AUDIT_OBJECT_TYPES, isAuditAction } from '@pd-desk/shared/audit/audit-actions';
import { addDays } from '@pd-desk/shared/calendar/iso-date';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { DateField } from '../../components/ui/date-field';
import { ExportMenu } from '../../components/ui/export-menu';
import { PageHeader } from '../../components/ui/page-header';
import { dayStartInstant, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { type AuditChanges, AuditDetails } from './audit-details';
import { languageOf, objectHref } from './audit-values';
import { AuditVerify } from './audit-verify';

type AuditRow = {
  seq: number;
  at: string;
  actorLogin: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: AuditChanges | null;
  details: Record<string, unknown> | null;
  /** An entry about people, shown to the admin without its details. */
  detailsHidden: boolean;
  ip: string | null;
};

/** The list's filter (without paging) as the export's query string: the file holds what the screen shows. */
const exportQuery = ({ limit: _limit, ...filter }: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(filter).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );

const FILTER_KEYS = ['actorId', 'objectType', 'objectId', 'from', 'to'] as const;

export default function AuditRoute() {
  const { t, i18n } = useTranslation('audit');
  const language = languageOf(i18n.language);
  const trpc = useTRPC();
  const me = useCurrentUser();
  // Filters live in the URL: a filtered view can be bookmarked or sent to a colleague.
  const [params, setParams] = useSearchParams();
  const filter = {
    actorId: params.get('actorId') ? Number(params.get('actorId')) : undefined,
    objectType: params.get('objectType') || undefined,
    objectId: params.get('objectId') || undefined,
    from: params.get('from') ? dayStartInstant(params.get('from') as string) : undefined,
    to: params.get('to') ? dayStartInstant(addDays(params.get('to') as string, 1)) : undefined,
    limit: 50,
  };
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const users = useQuery(trpc.users.list.queryOptions());
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filter, {
      getNextPageParam: (last) => last.nextBeforeSeq,
    }),
  );
  const rows = useMemo(() => entries.data?.pages.flatMap((p) => p.items) ?? [], [entries.data]);
  const staff = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);

  const wide = useMediaQuery('(min-width: 75em)');
  const columns = useMemo<ColumnDef<AuditRow, unknown>[]>(
    () => [
      { header: '№', accessorKey: 'seq', size: 60 },
      { header: t('at'), cell: ({ row }) => formatDateTime(row.original.at), size: 140 },
      { header: t('user'), accessorKey: 'actorLogin', size: 110 },
      {
        header: t('action'),
        cell: ({ row }) => (
          // The code stays one hover away: it is what the CLI and an export name the action by.
          <Text size="sm" title={row.original.action}>
            {isAuditAction(row.original.action)
              ? AUDIT_ACTION_LABELS[row.original.action][language]
              : row.original.action}
          </Text>
        ),
        size: 220,
      },
      {
        header: t('object'),
        cell: ({ row }) => <AuditObject objectType={row.original.objectType} objectId={row.original.objectId} />,
        size: 170,
      },
      {
        header: t('changes'),
        cell: ({ row }) =>
          row.original.detailsHidden ? (
            <Text size="xs" c="dimmed">
              {t('detailsHidden')}
            </Text>
          ) : (
            <AuditDetails
              objectType={row.original.objectType}
              changes={row.original.changes}
              details={row.original.details}
              staff={staff}
            />
          ),
      },
      // The address matters least when reading the trail: below 1200 px it gives its room to the details.
      ...(wide ? [{ header: t('ip'), accessorKey: 'ip', size: 100 } satisfies ColumnDef<AuditRow, unknown>] : []),
    ],
    [t, language, wide, staff],
  );

  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<ExportMenu table="audit/log" search={exportQuery(filter)} />}
      />
      {hasRole(me.role, ['admin', 'auditor']) && <AuditVerify />}
      <Group align="flex-end" gap="sm">
        <Select
          label={t('user')}
          placeholder={t('anyUser')}
          clearable
          w={200}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.login }))}
          value={params.get('actorId')}
          onChange={(v) => setFilter('actorId', v)}
        />
        <Select
          label={t('objectType')}
          placeholder={t('anyObject')}
          clearable
          searchable
          w={200}
          data={AUDIT_OBJECT_TYPES.map((type) => ({ value: type, label: AUDIT_OBJECT_TYPE_LABELS[type][language] }))}
          value={params.get('objectType')}
          onChange={(v) => setFilter('objectType', v)}
        />
        <TextInput
          label={t('objectId')}
          w={120}
          value={params.get('objectId') ?? ''}
          onChange={(e) => setFilter('objectId', e.currentTarget.value)}
        />
        <DateField
          label={t('from')}
          clearable
          w={150}
          value={params.get('from')}
          onChange={(v) => setFilter('from', v)}
        />
        <DateField label={t('to')} clearable w={150} value={params.get('to')} onChange={(v) => setFilter('to', v)} />
        <Button variant="default" onClick={() => setParams({}, { replace: true })}>
          {t('reset')}
        </Button>
      </Group>
      <DataTable data={rows as AuditRow[]} columns={columns} emptyText={t('empty')} getRowId={(r) => String(r.seq)} />
      {entries.hasNextPage && (
        <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
          {t('more')}
        </Button>
      )}
    </Stack>
  );
}

/** The object by its kind's name and number, linked to its screen where it has one. */
function AuditObject({ objectType, objectId }: { objectType: string; objectId: string | null }) {
  const { i18n } = useTranslation('audit');
  const language = languageOf(i18n.language);
  const kind =
    (AUDIT_OBJECT_TYPE_LABELS as Record<string, { ru: string; en: string }>)[objectType]?.[language] ?? objectType;
  const href = objectHref(objectType, objectId);
  const number = objectId ? ` №${objectId}` : '';
  return href ? (
    <Anchor component={Link} to={href} size="sm">
      {kind}
      {number}
    </Anchor>
  ) : (
    <Text size="sm">
      {kind}
      {number}
    </Text>
  );
}
