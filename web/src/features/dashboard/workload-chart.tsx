import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { workload: { date: string; due: number }[] };

/** dd.mm and a short weekday: «26.01 пн» tells at a glance where the weekend falls. */
function dayLabel(isoDate: string, language: string): string {
  const weekday = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)} ${weekday}`;
}

export function WorkloadChart({ workload }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const data = workload.map((day) => ({ day: dayLabel(day.date, i18n.language), due: day.due }));
  const empty = workload.every((day) => day.due === 0);
  return (
    <Paper withBorder p="sm" h="100%">
      <Title order={4}>{t('workload.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('workload.hint')}
      </Text>
      {empty ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('workload.empty')}
        </Text>
      ) : (
        <BarChart
          h={220}
          data={data}
          dataKey="day"
          series={[{ name: 'due', label: t('workload.series'), color: 'teal.6' }]}
          withBarValueLabel
          yAxisProps={{ allowDecimals: false }}
          tickLine="none"
          gridAxis="y"
        />
      )}
    </Paper>
  );
}
