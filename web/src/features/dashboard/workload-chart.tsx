import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

type Props = { workload: { date: string; due: number }[] };

const CHART_HEIGHT = 160;
const LABEL_ROOM = 34;
const VALUE_ROOM = 16;

/** dd.mm and a short weekday: «26.01 пн» tells at a glance where the weekend falls. */
function dayLabel(isoDate: string, language: string): { date: string; weekday: string } {
  const weekday = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
  return { date: `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}`, weekday };
}

/**
 * Cases due on each of the next working days: one series of at most ten bars, drawn as plain SVG so the dashboard
 * loads no chart library (recharts was 134 KB of gzip for this one chart). The bars scale with the container.
 */
export function WorkloadChart({ workload }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const empty = workload.every((day) => day.due === 0);
  const max = Math.max(1, ...workload.map((day) => day.due));
  const slot = 100 / Math.max(1, workload.length);
  return (
    <Paper withBorder p="sm" h="100%">
      <Title order={2} size="h4">
        {t('workload.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('workload.hint')}
      </Text>
      {empty ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('workload.empty')}
        </Text>
      ) : (
        <svg
          width="100%"
          height={CHART_HEIGHT + LABEL_ROOM + VALUE_ROOM}
          role="img"
          aria-label={t('workload.title')}
          data-testid="workload-chart"
        >
          <line
            x1="0"
            x2="100%"
            y1={CHART_HEIGHT + VALUE_ROOM}
            y2={CHART_HEIGHT + VALUE_ROOM}
            stroke="var(--mantine-color-gray-4)"
          />
          {workload.map((day, index) => {
            const height = Math.round((day.due / max) * CHART_HEIGHT);
            const top = VALUE_ROOM + CHART_HEIGHT - height;
            const centre = `${slot * index + slot / 2}%`;
            const label = dayLabel(day.date, i18n.language);
            return (
              <g key={day.date}>
                <title>{`${label.date} ${label.weekday}: ${t('workload.series')} — ${formatNumber(day.due)}`}</title>
                <rect
                  x={`${slot * index + slot * 0.2}%`}
                  width={`${slot * 0.6}%`}
                  y={top}
                  height={height}
                  rx="2"
                  fill="var(--mantine-color-teal-7)"
                />
                {day.due > 0 && (
                  <text x={centre} y={top - 4} textAnchor="middle" fontSize="12" fill="var(--mantine-color-text)">
                    {formatNumber(day.due)}
                  </text>
                )}
                <text
                  x={centre}
                  y={CHART_HEIGHT + VALUE_ROOM + 14}
                  textAnchor="middle"
                  fontSize="11"
                  fill="var(--mantine-color-text)"
                >
                  {label.date}
                </text>
                <text
                  x={centre}
                  y={CHART_HEIGHT + VALUE_ROOM + 28}
                  textAnchor="middle"
                  fontSize="11"
                  fill="var(--mantine-color-dimmed)"
                >
                  {label.weekday}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Paper>
  );
}
