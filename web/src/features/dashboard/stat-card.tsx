import { Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { formatNumber } from '../../lib/format';

type Props = {
  label: string;
  value: number;
  /** Urgent counts get their colour only when there is something to act on. */
  color?: string;
  /** Queue filters (URL search string) that list exactly these cases. */
  search: string;
  note?: string;
  noteColor?: string;
};

export function StatCard({ label, value, color, search, note, noteColor }: Props) {
  const alarm = color !== undefined && value > 0;
  return (
    <Paper
      component={Link}
      to={paths.queue.href(search)}
      withBorder
      p="sm"
      style={{
        textDecoration: 'none',
        color: 'inherit',
        borderLeft: alarm ? `4px solid var(--mantine-color-${color}-6)` : undefined,
      }}
      bg={alarm ? `${color}.0` : undefined}
    >
      <Text size="sm" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3} c={alarm ? `${color}.9` : undefined}>
        {formatNumber(value)}
      </Text>
      <Text size="xs" c={noteColor ?? 'dimmed'} mih={18}>
        {note}
      </Text>
    </Paper>
  );
}
