import { Badge, Box, Button, Group, Loader, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SubjectSearchResult } from '@pd-desk/shared/subjects/subject-search.schemas';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ExportMenu } from '../../components/ui/export-menu';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { BlockedBadge } from '../blocks/blocked-badge';
import { AddSubjectModal } from './add-subject-modal';
import { MatchedOn } from './matched-on';

type Row = SubjectSearchResult & { namesake: boolean };

const PAGE = 20;

const rowDomId = (id: number) => `subject-result-${id}`;

/** Rows whose masked names coincide: the officer must tell them apart by year, phone and category. */
function markNamesakes(results: SubjectSearchResult[]): Row[] {
  const seen = new Map<string, number>();
  for (const r of results) seen.set(r.fullName, (seen.get(r.fullName) ?? 0) + 1);
  return results.map((r) => ({ ...r, namesake: (seen.get(r.fullName) ?? 0) > 1 }));
}

export default function SubjectsSearchRoute() {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const navigate = useNavigate();
  // The query lives in the URL: back from a subject's page returns to the same results, and a search can be shared.
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [active, setActive] = useState(0);
  const [adding, setAdding] = useState(false);

  // «Показать ещё» loads the next page after the ones shown; the server says how many there are in all.
  const search = useInfiniteQuery({
    ...trpc.subjects.search.infiniteQueryOptions(
      { query: debounced, limit: PAGE },
      {
        getNextPageParam: (last, pages) => {
          const shown = pages.reduce((n, p) => n + p.results.length, 0);
          return last.results.length === PAGE && shown < last.total ? shown : undefined;
        },
      },
    ),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const pages = search.data?.pages;
  const rows = useMemo(
    () => markNamesakes(debounced ? (pages ?? []).flatMap((p) => p.results) : []),
    [pages, debounced],
  );
  const last = pages?.at(-1);
  const activeRow = rows[Math.min(active, rows.length - 1)];

  const open = (row: Row | undefined) => {
    if (row) navigate(paths.subject.href(row.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, rows.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(activeRow);
    }
  };

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        header: t('search.name'),
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Text
              size="sm"
              fw={600}
              component={Link}
              to={paths.subject.href(row.original.id)}
              c="inherit"
              td="none"
              lang="ru"
            >
              {row.original.fullName}
            </Text>
            {row.original.namesake && (
              <Tooltip label={t('search.namesakeHint')}>
                <Badge size="xs" color="orange" variant="light">
                  {t('search.namesake')}
                </Badge>
              </Tooltip>
            )}
            {row.original.blocked && <BlockedBadge />}
            {row.original.approximate && (
              <Badge size="xs" color="gray" variant="outline">
                {t('search.approximate')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        header: t('search.birthDate'),
        size: 120,
        cell: ({ row }) => (
          <Text size="sm" fw={row.original.namesake ? 600 : undefined}>
            {row.original.birthDate ?? '—'}
          </Text>
        ),
      },
      {
        header: t('search.category'),
        size: 170,
        cell: ({ row }) => t(`categories.${row.original.category}`),
      },
      {
        header: t('search.phones'),
        size: 170,
        cell: ({ row }) => (
          <Text size="sm" fw={row.original.namesake ? 600 : undefined}>
            {row.original.phones.join(', ') || '—'}
          </Text>
        ),
      },
      {
        header: t('search.matchedOn'),
        cell: ({ row }) => <MatchedOn fields={row.original.matchedOn} />,
      },
    ],
    [t],
  );

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('search.title')}
        subtitle={t('search.subtitle')}
        actions={
          <>
            {/* Masked in the file as on the screen; with no query, everyone (ADR 0019). */}
            {hasRole(me.role, ['officer', 'auditor']) && (
              <ExportMenu table="subjects/list" search={debounced ? new URLSearchParams({ q: debounced }) : ''} />
            )}
            {hasRole(me.role, ['admin']) && (
              <Button variant="default" component={Link} to={paths.subjectImport.href()}>
                {t('search.import')}
              </Button>
            )}
            {hasRole(me.role, ['officer', 'registrar']) && (
              <Button onClick={() => setAdding(true)}>{t('search.add')}</Button>
            )}
          </>
        }
      />
      <TextInput
        size="md"
        autoFocus
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        description={t('search.hint')}
        value={text}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        onChange={(e) => {
          setActive(0);
          setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true });
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls="subject-results"
        aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {debounced && last && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {last.capped
            ? t('search.shownOfMore', { shown: rows.length, total: last.total })
            : rows.length < last.total
              ? t('search.shownOf', { shown: rows.length, total: last.total })
              : t('search.found', { count: rows.length })}
        </Text>
      )}
      {debounced ? (
        <Box id="subject-results" role="region" aria-label={t('search.resultsLabel')}>
          <DataTable
            data={rows}
            columns={columns}
            emptyText={search.isPending ? '…' : t('search.empty')}
            getRowId={(r) => String(r.id)}
            rowProps={(r) => ({
              id: rowDomId(r.id),
              'aria-selected': r.id === activeRow?.id,
              bg: r.id === activeRow?.id ? 'var(--mantine-color-teal-light)' : undefined,
              style: { cursor: 'pointer' },
              onClick: () => open(r),
            })}
          />
          {search.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button variant="default" loading={search.isFetchingNextPage} onClick={() => search.fetchNextPage()}>
                {t('search.more')}
              </Button>
            </Group>
          )}
        </Box>
      ) : (
        <Text c="dimmed">{t('search.start')}</Text>
      )}
      <AddSubjectModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
