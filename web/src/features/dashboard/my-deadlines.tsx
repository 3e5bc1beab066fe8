import { Anchor, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { isOpenStatus } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { DaysLeft, ProvisionalMark } from '../cases/due-status';

const SHOWN = 7;

/** The officer's own cases, nearest due date first: the short list to start the day with. */
export function MyDeadlines({ allSearch }: { allSearch: string }) {
  const { t } = useTranslation('dashboard');
  const { t: tCases } = useTranslation('cases');
  const trpc = useTRPC();
  const mine = useQuery(trpc.triage.list.queryOptions({ assignee: 'me', limit: SHOWN, offset: 0 }));
  const items = mine.data?.items ?? [];
  return (
    <Paper withBorder p="sm" h="100%">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('mine.title')}
        </Title>
        <Anchor component={Link} to={paths.queue.href(allSearch)} size="sm">
          {t('mine.all')} →
        </Anchor>
      </Group>
      {mine.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mine.empty')}
        </Text>
      )}
      <Stack gap={4}>
        {items.map((row) => (
          <UnstyledButton
            key={row.id}
            component={Link}
            to={paths.case.href(row.id)}
            px={6}
            py={4}
            style={{ borderRadius: 4 }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {row.incomingNumber}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {tCases(`types.${row.type}`)} · {row.requester}
                </Text>
              </div>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{formatDate(row.dueOn)}</Text>
                  {row.dueProvisional && <ProvisionalMark />}
                </Group>
                <Text size="xs" component="div">
                  <DaysLeft workingDaysLeft={row.workingDaysLeft} open={isOpenStatus(row.status)} />
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
