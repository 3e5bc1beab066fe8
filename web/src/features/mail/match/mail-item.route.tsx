import { Button, Code, Group, SimpleGrid, Spoiler, Stack, Table, Text } from '@mantine/core';
import { MAIL_INTAKE_ROLES, WITHDRAWABLE_PURPOSE_LABELS } from '@pd-desk/shared/mail/mail-model';
import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { Section } from '../../../components/ui/section';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { errorText } from '../../../lib/server-messages';
import { useTRPC } from '../../../lib/trpc';
import { hasRole, useCurrentUser } from '../../auth/use-session';
import { ScanPages } from '../scan-pages';
import type { MailItem } from '../types';
import { MatchPanel } from './match-panel';

function LetterFacts({ item }: { item: MailItem }) {
  const { t, i18n } = useTranslation('mail');
  const { t: tc } = useTranslation('cases');
  const purposes = item.scopePurposes.map(
    (p) =>
      WITHDRAWABLE_PURPOSE_LABELS[p as keyof typeof WITHDRAWABLE_PURPOSE_LABELS]?.[
        i18n.language === 'en' ? 'en' : 'ru'
      ] ?? p,
  );
  const rows: [string, string | null][] = [
    [t('form.senderName'), item.senderName],
    [t('form.birthDate'), item.birthDate && formatDate(item.birthDate)],
    [t('form.phone'), item.phone && formatPhoneForDisplay(item.phone)],
    [t('form.email'), item.email],
    [t('form.address'), item.returnAddress],
    [t('form.receivedOn'), formatDate(item.receivedOn)],
    [t('form.postmarkOn'), item.postmarkOn && formatDate(item.postmarkOn)],
    [t('list.channel'), t(`channels.${item.channel}`)],
    [t('form.kind'), tc(`types.${item.kind}`)],
    [t('form.scopePurposes'), item.scopeAll ? t('form.scopeAll') : purposes.join(', ')],
    [t('form.signed'), item.channel === 'post' ? (item.signed ? t('item.signedYes') : t('item.unsigned')) : null],
    [t('form.authorityDocument'), item.authorityDocument],
    [t('item.subject'), item.emailSubject],
  ];
  return (
    <Table fz="sm" verticalSpacing={4}>
      <Table.Tbody>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td c="dimmed" w="40%">
                {label}
              </Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/** One incoming letter: what it says, its scans, and the matching to a subject; links to the case and plan. */
export default function MailItemRoute() {
  const { t } = useTranslation('mail');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const id = Number(useParams().itemId);
  const item = useQuery(trpc.mail.intake.byId.queryOptions({ id }));
  if (!item.data) return <Text c="dimmed">{item.error ? errorText(item.error) : '…'}</Text>;
  const letter = item.data;
  const text = letter.bodyText ?? letter.ocrText;
  return (
    <Stack gap="md">
      <PageHeader
        title={letter.incomingNumber ? t('item.title', { number: letter.incomingNumber }) : t('item.titleNoCase')}
        subtitle={letter.dueOn ? `${t('list.due')}: ${formatDate(letter.dueOn)}` : undefined}
        actions={
          <Group gap="xs">
            {letter.caseId && (
              <Button component={Link} to={paths.case.href(letter.caseId)} variant="default" size="xs">
                {t('item.case')}
              </Button>
            )}
            {letter.caseId &&
              letter.withdrawal &&
              (letter.matchStatus === 'matched' || letter.matchStatus === 'new_subject') && (
                <Button component={Link} to={paths.mailPlan.href(letter.caseId)} size="xs">
                  {t('item.plan')}
                </Button>
              )}
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Section title={t('item.letter')}>
            <LetterFacts item={letter} />
          </Section>
          {hasRole(me.role, MAIL_INTAKE_ROLES) && <MatchPanel item={letter} />}
        </Stack>
        <Stack gap="md">
          {letter.scans.length > 0 && (
            <Section title={t('scans.title')}>
              <Stack gap="xs">
                {letter.scans.map((scan) => (
                  <ScanPages key={scan.id} scan={scan} maxHeight={420} />
                ))}
              </Stack>
            </Section>
          )}
          {text && (
            <Section title={letter.bodyText ? t('item.body') : t('item.text')}>
              <Spoiler maxHeight={200} showLabel="…" hideLabel="↑">
                <Code block style={{ whiteSpace: 'pre-wrap' }}>
                  {text}
                </Code>
              </Spoiler>
            </Section>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
