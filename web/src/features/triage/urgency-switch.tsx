import { SegmentedControl } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { URGENCIES, type Urgency } from './queue-params';

const ALL = 'all';

/** The urgency filter doubles as the morning count: how many are late, due today, due soon. */
export function UrgencySwitch({ value, onChange }: { value: Urgency | undefined; onChange: (u?: Urgency) => void }) {
  const { t } = useTranslation('triage');
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.summary.queryOptions());
  const counts = summary.data?.counts;
  const count: Record<Urgency, number | undefined> = {
    overdue: counts?.overdue,
    today: counts?.dueToday,
    soon: counts?.dueSoon,
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('filters.urgency')}
      data={[
        { value: ALL, label: t('filters.all') },
        ...URGENCIES.map((urgency) => ({
          value: urgency,
          label:
            count[urgency] === undefined
              ? t(`filters.${urgency}`)
              : `${t(`filters.${urgency}`)} · ${formatNumber(count[urgency] ?? 0)}`,
        })),
      ]}
      value={value ?? ALL}
      onChange={(next) => onChange(next === ALL ? undefined : (next as Urgency))}
    />
  );
}
