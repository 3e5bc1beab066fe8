import { Anchor, Stack, Table, Text } from '@mantine/core';
import { BLOCK_STATE_LABELS, BLOCK_STEP_LABELS } from '@pd-desk/shared/blocks/block-model';
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
  const { t, i18n } = useTranslation('subjects');
  const { t: tCases } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
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
        {subject.blocks.length === 0 ? (
          <Empty />
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {subject.blocks.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.block.href(b.id)} size="sm">
                      № {b.id} · {b.caseNumber}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {BLOCK_STATE_LABELS[b.state][lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {b.nextStep && (
                      <Text size="xs">
                        {BLOCK_STEP_LABELS[b.nextStep.step][lang]}: {formatDate(b.nextStep.dueOn)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('sections.breaches')}>
        <Empty later />
      </Section>
    </Stack>
  );
}
