import { Alert, Anchor, Badge, Center, Grid, Group, Loader, Stack, Table, Text } from '@mantine/core';
import {
  BLOCK_OUTCOME_LABELS,
  BLOCK_REASON_LABELS,
  BLOCK_STATE_LABELS,
  BLOCK_STEP_LABELS,
  isBlockInEffect,
} from '@pd-desk/shared/blocks/block-model';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { DaysLeft } from '../cases/due-status';
import { BlockActions } from './block-actions';
import { scopeText } from './scope-text';
import type { BlockPage } from './types';

/** One block opened (the view is audited): who, what, why, the clocks, the notices, and the next step's buttons. */
export default function BlockRoute() {
  const { t, i18n } = useTranslation('blocks');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const me = useCurrentUser();
  const blockId = Number(useParams().blockId);
  const page = useQuery(trpc.blocks.byId.queryOptions({ id: blockId }));
  if (page.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  if (!page.data) return <Alert color="red">{page.error ? errorText(page.error) : null}</Alert>;
  const b: BlockPage = page.data;
  const canAct = hasRole(me.role, ['officer', 'admin']);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={paths.blocks.href()} size="sm">
        ← {t('page.back')}
      </Anchor>
      <PageHeader
        title={`${t('title')} · № ${b.id}`}
        badges={
          <>
            <Badge color={isBlockInEffect(b.state) ? 'red' : 'gray'}>{BLOCK_STATE_LABELS[b.state][lang]}</Badge>
            <Badge variant="light">{BLOCK_REASON_LABELS[b.reason][lang]}</Badge>
          </>
        }
        subtitle={t('page.opened')}
        actions={canAct && <BlockActions block={b} />}
      />
      <Grid gap="sm">
        <Grid.Col span={8}>
          <Stack gap="sm">
            <Section title={t('page.description')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {b.description}
              </Text>
              {b.scope.map((s) => (
                <Text size="sm" key={`${s.kind}-${s.recordId}-${s.field}-${s.system}-${s.purpose}`} fw={500}>
                  • {scopeText(t, lang, s)}
                </Text>
              ))}
              {b.notBlockedReason && (
                <Alert color="gray">{t('page.notBlockedReason', { reason: b.notBlockedReason })}</Alert>
              )}
            </Section>
            <Section title={t('page.records')}>
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {b.records.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td w={60}>№ {r.id}</Table.Td>
                      <Table.Td>
                        {r.system} — {r.purpose}
                      </Table.Td>
                      <Table.Td>
                        {r.blockedFields
                          ? r.blockedFields.map((f) => PD_FIELD_LABELS[f][lang]).join(', ')
                          : t('page.wholeRecord')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('page.contacts')}>
              {b.contacts.map((c) => (
                <Text size="sm" key={`${c.channel}-${c.value}-${c.purpose}`} data-testid="blocked-contact">
                  {c.value} — {c.purpose ?? t('page.allPurposes')}
                </Text>
              ))}
            </Section>
            <Section title={t('page.letters')}>
              {b.letters.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('page.noLetters')}
                </Text>
              ) : (
                b.letters.map((l) => (
                  <Group key={l.id} gap="xs">
                    <Anchor href={paths.letterPdf.href(l.id)} target="_blank" size="sm">
                      {l.outgoingNumber}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(l.createdAt)}
                    </Text>
                  </Group>
                ))
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={4}>
          <Stack gap="sm">
            <Section title={t('page.subject')}>
              <Anchor component={Link} to={paths.subject.href(b.subjectId)} size="sm" data-testid="block-subject">
                {b.subjectName}
              </Anchor>
              <Text size="sm">
                {t('page.case')}:{' '}
                <Anchor component={Link} to={paths.case.href(b.caseId)} size="sm">
                  {b.caseNumber}
                </Anchor>
              </Text>
              <Text size="xs" c="dimmed">
                {t('page.created', { date: formatDateTime(b.createdAt) })}
              </Text>
              {b.liftedAt && (
                <Text size="xs" c="dimmed">
                  {t('page.liftedAt', { date: formatDateTime(b.liftedAt), reason: b.liftReason ?? '' })}
                </Text>
              )}
            </Section>
            <Section title={t('page.clocks')}>
              <Text size="sm" fw={500}>
                {t('page.outcome')}: {b.outcome ? BLOCK_OUTCOME_LABELS[b.outcome][lang] : t('page.notDecided')}
              </Text>
              {b.outcomeNote && (
                <Text size="xs" c="dimmed">
                  {b.outcomeNote}
                </Text>
              )}
              {b.nextStep && (
                <Stack gap={0} data-testid="block-next-step">
                  <Text size="sm">
                    {BLOCK_STEP_LABELS[b.nextStep.step][lang]} {t('due', { date: formatDate(b.nextStep.dueOn) })}
                  </Text>
                  <DaysLeft workingDaysLeft={b.nextStep.workingDaysLeft} open />
                </Stack>
              )}
              {b.rectifyDueOn && <Clock label={t('clocks.rectify')} date={b.rectifyDueOn} />}
              {b.stopDueOn && <Clock label={t('clocks.stop')} date={b.stopDueOn} />}
              {b.destroyDueOn && <Clock label={t('clocks.destroy')} date={b.destroyDueOn} />}
              {b.keepUntil && <Clock label={t('clocks.keep')} date={b.keepUntil} />}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Clock({ label, date }: { label: string; date: string }) {
  return (
    <Text size="xs">
      {label}: {formatDate(date)}
    </Text>
  );
}
