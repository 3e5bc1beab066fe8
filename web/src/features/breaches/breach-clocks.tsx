import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FilingKind } from '@pd-desk/shared/breaches/breach-model';
import { timeLeft } from '@pd-desk/shared/calendar/hour-clocks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useTRPC } from '../../lib/trpc';

/** `YYYY-MM-DDTHH:MM±HH:MM` (already in the operator's zone) → «01.01.2027 23:30». */
export function instantText(instant: string): string {
  const [date = '', time = ''] = instant.split('T');
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y} ${time.slice(0, 5)}`;
}

/** The current minute, re-rendering every 15 s so a clock on screen counts down by itself. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export type ClockView = {
  kind: FilingKind;
  dueAt: string | Date;
  due: string;
  filed: { at: string; portalReference: string; late: boolean } | null;
};

/** One clock: running (to the minute, red when overdue, orange under 6 h) or stopped at its filing. */
export function BreachClock({ clock, now, compact = false }: { clock: ClockView; now: Date; compact?: boolean }) {
  const { t } = useTranslation('breaches');
  if (clock.filed) {
    return (
      <Text size="sm" c={clock.filed.late ? 'red.8' : 'green.8'} data-testid={`clock-${clock.kind}`}>
        {t(clock.filed.late ? 'clock.filedLate' : 'clock.filed', {
          at: instantText(clock.filed.at),
          reference: clock.filed.portalReference,
        })}
      </Text>
    );
  }
  const left = timeLeft(new Date(clock.dueAt), now);
  const color = left.overdue ? 'red' : left.urgent ? 'orange' : 'blue';
  const leftText = t(left.overdue ? 'clock.overdue' : 'clock.left', { hours: left.hours, minutes: left.minutes });
  if (compact) {
    // A table cell: two short lines, the colour carries the urgency.
    return (
      <Stack gap={0} data-testid={`clock-${clock.kind}`}>
        <Text size="sm" fw={600} c={`${color}.8`}>
          {leftText}
        </Text>
        <Text size="xs" c="dimmed">
          {t('clock.due', { due: instantText(clock.due) })}
        </Text>
      </Stack>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" data-testid={`clock-${clock.kind}`}>
      <Badge color={color} variant={left.overdue ? 'filled' : 'light'} size="lg" tt="none">
        {leftText}
      </Badge>
      <Text size="sm" c={left.overdue ? 'red.8' : undefined} fw={left.overdue ? 700 : undefined}>
        {t('clock.due', { due: instantText(clock.due) })}
      </Text>
    </Group>
  );
}

/**
 * The running Roskomnadzor clocks, soonest first, for the triage queue and the dashboard. In the queue
 * only the urgent ones (under 6 h or overdue) show, above everything else.
 */
export function BreachClocksPanel({ urgentOnly = false }: { urgentOnly?: boolean }) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const now = useNow();
  const query = useQuery({ ...trpc.breaches.clocks.queryOptions(), refetchInterval: 60_000 });
  const clocks = (query.data?.clocks ?? []).filter((c) => !urgentOnly || timeLeft(new Date(c.dueAt), now).urgent);
  if (clocks.length === 0) return null;
  return (
    <Paper withBorder p="sm" style={urgentOnly ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Title order={2} size="h4" mb="xs" c={urgentOnly ? 'red.8' : undefined}>
        {t(urgentOnly ? 'clock.urgentTitle' : 'clock.panelTitle')}
      </Title>
      <Stack gap={4}>
        {clocks.map((clock) => (
          <Group key={`${clock.breachId}-${clock.kind}`} gap="md" wrap="nowrap">
            <Anchor component={Link} to={paths.breach.href(clock.breachId)} fw={600} miw={70}>
              {clock.number}
            </Anchor>
            <Text size="sm" miw={220}>
              {t(`clock.${clock.kind}`)}
            </Text>
            <BreachClock clock={clock} now={now} compact />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
