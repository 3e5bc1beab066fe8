import { Group, Paper, Text, Title } from '@mantine/core';
import { BREACH_CATEGORIES, BREACH_CATEGORY_LABELS, type BreachCategory } from '@pd-desk/shared/breaches/breach-model';
import { useTranslation } from 'react-i18next';
import { labelOf } from './labels';

const COLORS: Record<BreachCategory, string> = {
  lost_device: 'var(--mantine-color-blue-6)',
  misdirected: 'var(--mantine-color-orange-6)',
  hacking: 'var(--mantine-color-red-7)',
  insider: 'var(--mantine-color-grape-6)',
  paper: 'var(--mantine-color-teal-6)',
  other: 'var(--mantine-color-gray-6)',
};

type Point = { month: string; category: BreachCategory; count: number };

const HEIGHT = 140;
const BAR = 28;
const GAP = 14;

/** Stacked bars, one per month, coloured by kind: a plain SVG, so the screen loads no chart library. */
export function BreachChart({ points }: { points: Point[] }) {
  const { t, i18n } = useTranslation('breaches');
  const months = [...new Set(points.map((p) => p.month))].sort();
  const totals = months.map((m) => points.filter((p) => p.month === m).reduce((sum, p) => sum + p.count, 0));
  const max = Math.max(1, ...totals);
  const width = Math.max(months.length * (BAR + GAP) + GAP, 200);
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h4" mb="xs">
        {t('register.chart')}
      </Title>
      {months.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('register.chartEmpty')}
        </Text>
      ) : (
        <>
          <svg width={width} height={HEIGHT + 22} role="img" aria-label={t('register.chart')}>
            {months.map((month, i) => {
              let top = HEIGHT;
              const x = GAP + i * (BAR + GAP);
              return (
                <g key={month}>
                  {BREACH_CATEGORIES.map((category) => {
                    const count = points.find((p) => p.month === month && p.category === category)?.count ?? 0;
                    if (count === 0) return null;
                    const h = (count / max) * (HEIGHT - 16);
                    top -= h;
                    return (
                      <rect key={category} x={x} y={top} width={BAR} height={h} fill={COLORS[category]}>
                        <title>{`${month}: ${labelOf(BREACH_CATEGORY_LABELS[category], i18n.language)} — ${count}`}</title>
                      </rect>
                    );
                  })}
                  <text x={x + BAR / 2} y={top - 3} textAnchor="middle" fontSize={11}>
                    {totals[i]}
                  </text>
                  <text x={x + BAR / 2} y={HEIGHT + 15} textAnchor="middle" fontSize={10}>
                    {`${month.slice(5)}.${month.slice(2, 4)}`}
                  </text>
                </g>
              );
            })}
          </svg>
          <Group gap="sm" mt={4}>
            {BREACH_CATEGORIES.filter((c) => points.some((p) => p.category === c)).map((c) => (
              <Group key={c} gap={4}>
                <svg width={10} height={10} aria-hidden>
                  <rect width={10} height={10} fill={COLORS[c]} />
                </svg>
                <Text size="xs">{labelOf(BREACH_CATEGORY_LABELS[c], i18n.language)}</Text>
              </Group>
            ))}
          </Group>
        </>
      )}
    </Paper>
  );
}
