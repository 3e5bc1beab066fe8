import { Anchor, Badge, Button, Grid, Group, Menu, Select, Stack, Table, Text } from '@mantine/core';
import {
  BREACH_CATEGORIES,
  BREACH_CATEGORY_LABELS,
  BREACH_STATUS_LABELS,
  BREACH_STATUSES,
  type BreachCategory,
  type BreachStatus,
} from '@pd-desk/shared/breaches/breach-model';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateField } from '../../components/ui/date-field';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { BreachChart } from './breach-chart';
import { BreachClock, instantText, useNow } from './breach-clocks';
import { labelOf } from './labels';
import { NewBreachModal } from './new-breach-modal';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The register (журнал учёта инцидентов): filters in the URL, the list with both clocks, the chart, exports. */
export default function BreachRegisterRoute() {
  const { t, i18n } = useTranslation('breaches');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = {
    status: (params.get('status') as BreachStatus | null) ?? undefined,
    category: (params.get('category') as BreachCategory | null) ?? undefined,
    from: ISO_DATE.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined,
    to: ISO_DATE.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined,
  };
  const list = useQuery(trpc.breaches.list.queryOptions({ ...filters, limit: 200 }));
  const chart = useQuery(trpc.breaches.chart.queryOptions(filters));
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const worker = hasRole(me.role, ['officer', 'admin']);
  const exportSearch = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v) as [string, string][],
  ).toString();
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('register.title')}
        subtitle={t('register.subtitle')}
        badges={
          list.data && (
            <Badge variant="light">
              {t('register.total', { count: list.data.total, n: formatNumber(list.data.total) })}
            </Badge>
          )
        }
        actions={
          <Group gap="xs">
            <Menu>
              <Menu.Target>
                <Button variant="default">{t('register.export')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
                  <Menu.Item key={format} component="a" href={paths.breachRegisterExport.href(format, exportSearch)}>
                    {format.toUpperCase()}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {worker && <Button onClick={() => setCreating(true)}>{t('register.create')}</Button>}
          </Group>
        }
      />
      <Group gap="sm" align="end">
        <Select
          label={t('register.filters.status')}
          clearable
          placeholder={t('register.filters.all')}
          value={filters.status ?? null}
          onChange={(v) => setFilter('status', v)}
          data={BREACH_STATUSES.map((s) => ({ value: s, label: labelOf(BREACH_STATUS_LABELS[s], i18n.language) }))}
          w={200}
        />
        <Select
          label={t('register.filters.category')}
          clearable
          placeholder={t('register.filters.all')}
          value={filters.category ?? null}
          onChange={(v) => setFilter('category', v)}
          data={BREACH_CATEGORIES.map((c) => ({ value: c, label: labelOf(BREACH_CATEGORY_LABELS[c], i18n.language) }))}
          w={230}
        />
        <DateField
          label={t('register.filters.from')}
          clearable
          value={filters.from ?? null}
          onChange={(v) => setFilter('from', v)}
          w={150}
        />
        <DateField
          label={t('register.filters.to')}
          clearable
          value={filters.to ?? null}
          onChange={(v) => setFilter('to', v)}
          w={150}
        />
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Table fz="sm" striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {(
                  [
                    'number',
                    'establishedAt',
                    'category',
                    'description',
                    'subjects',
                    'notice',
                    'report',
                    'status',
                  ] as const
                ).map((c) => (
                  <Table.Th key={c}>{t(`register.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.breach.href(row.id)} fw={600}>
                      {row.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{instantText(row.established)}</Table.Td>
                  <Table.Td>{labelOf(BREACH_CATEGORY_LABELS[row.category], i18n.language)}</Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" lineClamp={2} lang="ru">
                      {row.description}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(row.subjectsExact ?? (row.affected || row.subjectsEstimate) ?? 0)}
                  </Table.Td>
                  {row.clocks.map((clock) => (
                    <Table.Td key={clock.kind}>
                      <BreachClock clock={clock} now={now} compact />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Text size="sm" c={row.status === 'closed' ? 'dimmed' : undefined}>
                      {labelOf(BREACH_STATUS_LABELS[row.status], i18n.language)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data?.total === 0 && (
            <Text c="dimmed" mt="sm">
              {t('register.empty')}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <BreachChart points={chart.data ?? []} />
        </Grid.Col>
      </Grid>
      <NewBreachModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
