import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { StatusBadge } from '../cases/status-badge';
import type { SubjectPage } from './types';

function Empty({ later = false }: { later?: boolean }) {
  const { t } = useTranslation('subjects');
  return (
    <Text size="sm" c="dimmed">
      {later ? t('page.emptyLater') : t('page.empty')}
    </Text>
  );
}

/** The person's cases and letters (links into the case pages), and the sections that land with later issues. */
export function SubjectLinks({ subject }: { subject: SubjectPage }) {
  const { t } = useTranslation('subjects');
  const { t: tCases } = useTranslation('cases');
  return (
    <Stack gap="sm">
      <Section title={t('sections.cases')}>
        {subject.cases.length === 0 ? (
          <Empty />
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {subject.cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.case.href(c.id)} size="sm">
                      {c.incomingNumber}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {tCases(`types.${c.type}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} size="sm" />
                    <Text size="xs" c="dimmed">
                      {t('cases.due')}: {formatDate(c.dueOn)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('sections.letters')}>
        {subject.letters.length === 0 ? (
          <Empty />
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {subject.letters.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.case.href(l.caseId)} size="sm">
                      {l.outgoingNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{tCases(`letters.kinds.${l.kind}`)}</Table.Td>
                  <Table.Td>{formatDate(l.sentOn ?? l.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('sections.blocks')}>
        <Empty later />
      </Section>
      <Section title={t('sections.breaches')}>
        <Empty later />
      </Section>
    </Stack>
  );
}
