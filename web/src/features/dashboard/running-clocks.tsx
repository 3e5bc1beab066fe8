import { Paper, Table, Text, Title } from '@mantine/core';
import { DEADLINE_RULES, type DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import { useTranslation } from 'react-i18next';
import { formatArticle, formatNumber } from '../../lib/format';

type Clock = { rule: DeadlineRuleId; open: number; overdue: number };

/** Which legal clocks are running now, by the rule that set them. */
export function RunningClocks({ clocks }: { clocks: Clock[] }) {
  const { t, i18n } = useTranslation('dashboard');
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h4" mb="xs">
        {t('clocks.title')}
      </Title>
      {clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('clocks.empty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clocks.rule')}</Table.Th>
              <Table.Th>{t('clocks.term')}</Table.Th>
              <Table.Th ta="right">{t('clocks.open')}</Table.Th>
              <Table.Th ta="right">{t('clocks.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clocks.map((clock) => {
              const rule = DEADLINE_RULES[clock.rule];
              return (
                <Table.Tr key={clock.rule}>
                  <Table.Td>
                    {i18n.language === 'en' ? rule.titleEn : rule.titleRu}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {formatArticle(rule.article)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`clocks.units.${rule.unit}`, { count: rule.term })}</Table.Td>
                  <Table.Td ta="right">{formatNumber(clock.open)}</Table.Td>
                  <Table.Td
                    ta="right"
                    fw={clock.overdue > 0 ? 700 : undefined}
                    c={clock.overdue > 0 ? 'red.8' : undefined}
                  >
                    {formatNumber(clock.overdue)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
