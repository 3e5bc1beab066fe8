import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatArticle, formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';
import { LinkSubjectsModal, subjectLabel } from './link-subjects-modal';

function Field({ label, action, children }: { label: string; action?: ReactNode; children: ReactNode }) {
  // min-width 0 and breaking anywhere: a long address wraps in its own column instead of running under the next.
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {action}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/**
 * People on the case are masked for every role; «Показать» opens what this user may see (the server says
 * which: `revealable`), and the reveal is audited. A re-read of the page closes them again.
 */
function useCaseReveal() {
  const trpc = useTRPC();
  const { detail } = useCasePage();
  const reveal = useMutation({ ...trpc.cases.reveal.mutationOptions(), meta: { inlineErrors: true } });
  // Revealed values belong to the version they were read with: after any change they are closed.
  const revealed = reveal.data && reveal.variables?.id === detail.id ? reveal.data : null;
  const open = () => reveal.mutate({ id: detail.id, fields: detail.revealable });
  return { reveal, revealed, open };
}

export function CaseDetails({ canLink }: { canLink: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const { detail } = useCasePage();
  const [linking, setLinking] = useState(false);
  const { reveal, revealed, open } = useCaseReveal();
  const requester = { ...detail.requester, ...revealed?.requester };
  const subjects = detail.subjects.map((s) => revealed?.subjects?.find((r) => r.id === s.id) ?? s);
  return (
    <Section
      title={t('page.details')}
      action={
        detail.revealable.length > 0 && (
          <Group gap="xs">
            <Text size="xs" c={revealed ? 'orange.8' : 'dimmed'} role="note">
              {revealed ? t('page.revealed') : t('page.revealNote')}
            </Text>
            {/* One button that changes its word, not two: the focus stays on it after showing or hiding. */}
            <Button
              size="compact-xs"
              color={revealed ? undefined : 'orange'}
              variant={revealed ? 'default' : 'light'}
              loading={reveal.isPending}
              onClick={revealed ? () => reveal.reset() : open}
            >
              {revealed ? t('page.hide') : t('page.reveal')}
            </Button>
          </Group>
        )
      }
    >
      <MutationErrorAlert error={reveal.error} onReload={() => reveal.reset()} />
      <Stack gap="xs">
        {/* Three columns where the details column is wide; two, then one, as the window narrows (200 % zoom). */}
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          <Field label={t('page.requester')}>
            <span lang="ru">{requester.name}</span>
            <Text span size="xs" c="dimmed" ml={6}>
              {t(`requesterKinds.${requester.kind}`)}
            </Text>
          </Field>
          {requester.authorityDocument && (
            <Field label={t('page.authorityDocument')}>
              <span lang="ru">{requester.authorityDocument}</span>
            </Field>
          )}
          {requester.rknInquiryNumber && <Field label={t('page.rknInquiryNumber')}>{requester.rknInquiryNumber}</Field>}
          {requester.address && (
            <Field label={t('page.address')}>
              <span lang="ru">{requester.address}</span>
            </Field>
          )}
          {requester.email && <Field label={t('page.email')}>{requester.email}</Field>}
          <Field label={t('page.channel')}>{t(`channels.${detail.channel}`)}</Field>
          <Field label={t('page.received')}>{formatDate(detail.receivedOn)}</Field>
          <Field label={t('page.registered')}>{formatDate(detail.registeredOn)}</Field>
        </SimpleGrid>
        <Field label={t('page.rule')}>
          {i18n.language === 'en' ? DEADLINE_RULES[detail.rule].titleEn : detail.ruleTitle} ·{' '}
          {formatArticle(detail.article)}
        </Field>
        {detail.extensionReason && (
          <Field label={t('page.extensionReason')}>
            <span lang="ru">{detail.extensionReason}</span>
          </Field>
        )}
        {detail.statusReason && (
          <Field label={t('page.statusReason')}>
            <span lang="ru">{detail.statusReason}</span>
          </Field>
        )}
        {detail.summary && (
          <Field label={t('page.summary')}>
            <span lang="ru">{detail.summary}</span>
          </Field>
        )}
        <Field
          label={t('page.subjects')}
          action={
            canLink && (
              <Button size="compact-xs" variant="subtle" onClick={() => setLinking(true)}>
                {t('subjects.edit')}
              </Button>
            )
          }
        >
          {subjects.length === 0 ? (
            <Text span c="dimmed" size="sm">
              {t('page.noSubjects')}
            </Text>
          ) : (
            <Group gap="md" component="span">
              {subjects.map((subject) => (
                <Anchor key={subject.id} component={Link} to={paths.subject.href(subject.id)} size="sm" lang="ru">
                  {subjectLabel(subject, Boolean(revealed?.subjects))}
                </Anchor>
              ))}
            </Group>
          )}
        </Field>
      </Stack>
      {canLink && <LinkSubjectsModal opened={linking} onClose={() => setLinking(false)} />}
    </Section>
  );
}
