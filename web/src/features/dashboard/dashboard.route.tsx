import { Alert, Center, Grid, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { formatDate, formatNumber } from '../../lib/format';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { BreachClocksPanel } from '../breaches/breach-clocks';
import { paramsFromFilters, type QueueFilters } from '../triage/queue-params';
import { MyDeadlines } from './my-deadlines';
import { RunningClocks } from './running-clocks';
import { StatCard } from './stat-card';
import { WorkloadChart } from './workload-chart';

function weekday(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

const queueWith = (filters: QueueFilters) => paramsFromFilters(filters).toString();

/** The officer's morning: what is late, what is due today and this week, and how the next two weeks look. */
export default function DashboardRoute() {
  const { t, i18n } = useTranslation('dashboard');
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchOnWindowFocus: true });
  if (summary.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  if (!summary.data) return <Alert color="red">{summary.error ? errorText(summary.error) : null}</Alert>;
  const { counts, today, workload, runningClocks } = summary.data;
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        badges={
          <Text c="dimmed">{t('today', { date: formatDate(today), weekday: weekday(today, i18n.language) })}</Text>
        }
      />
      <BreachClocksPanel />
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm">
        <StatCard
          label={t('cards.overdue')}
          value={counts.overdue}
          color="red"
          search={queueWith({ urgency: 'overdue' })}
        />
        <StatCard
          label={t('cards.dueToday')}
          value={counts.dueToday}
          color="orange"
          search={queueWith({ urgency: 'today' })}
        />
        <StatCard
          label={t('cards.dueSoon')}
          value={counts.dueSoon}
          color="yellow"
          search={queueWith({ urgency: 'soon' })}
        />
        <StatCard label={t('cards.dueThisWeek')} value={counts.dueThisWeek} search="" />
        <StatCard
          label={t('cards.mine')}
          value={counts.mine}
          search={queueWith({ assignee: 'me' })}
          note={counts.myOverdue > 0 ? t('cards.myOverdue', { count: counts.myOverdue }) : undefined}
          noteColor="red.8"
        />
        <StatCard
          label={t('cards.unassigned')}
          value={counts.unassigned}
          search={queueWith({ assignee: 'none' })}
          note={t('cards.open', { n: formatNumber(counts.open) })}
        />
      </SimpleGrid>
      {counts.provisional > 0 && (
        <Text size="sm" c="orange.9">
          {t('cards.provisional', { count: counts.provisional })}
        </Text>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <WorkloadChart workload={workload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MyDeadlines allSearch={queueWith({ assignee: 'me' })} />
        </Grid.Col>
      </Grid>
      <RunningClocks clocks={runningClocks} />
    </Stack>
  );
}
