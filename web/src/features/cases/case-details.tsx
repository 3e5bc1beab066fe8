import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { useCasePage } from './case-page-context';
import { LinkSubjectsModal, subjectLabel } from './link-subjects-modal';

function Field({ label, action, children }: { label: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {action}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

export function CaseDetails({ canLink }: { canLink: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const { detail } = useCasePage();
  const [linking, setLinking] = useState(false);
  const { requester } = detail;
  return (
    <Section title={t('page.details')}>
      <Stack gap="xs">
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <Field label={t('page.requester')}>
            {requester.name}
            <Text span size="xs" c="dimmed" ml={6}>
              {t(`requesterKinds.${requester.kind}`)}
            </Text>
          </Field>
          {requester.authorityDocument && (
            <Field label={t('page.authorityDocument')}>{requester.authorityDocument}</Field>
          )}
          {requester.rknInquiryNumber && <Field label={t('page.rknInquiryNumber')}>{requester.rknInquiryNumber}</Field>}
          {requester.address && <Field label={t('page.address')}>{requester.address}</Field>}
          {requester.email && <Field label={t('page.email')}>{requester.email}</Field>}
          <Field label={t('page.channel')}>{t(`channels.${detail.channel}`)}</Field>
          <Field label={t('page.received')}>{formatDate(detail.receivedOn)}</Field>
          <Field label={t('page.registered')}>{formatDate(detail.registeredOn)}</Field>
        </SimpleGrid>
        <Field label={t('page.rule')}>
          {i18n.language === 'en' ? DEADLINE_RULES[detail.rule].titleEn : detail.ruleTitle} · {detail.article}
        </Field>
        {detail.extensionReason && <Field label={t('page.extensionReason')}>{detail.extensionReason}</Field>}
        {detail.statusReason && <Field label={t('page.statusReason')}>{detail.statusReason}</Field>}
        {detail.summary && <Field label={t('page.summary')}>{detail.summary}</Field>}
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
          {detail.subjects.length === 0 ? (
            <Text span c="dimmed" size="sm">
              {t('page.noSubjects')}
            </Text>
          ) : (
            <Group gap="md" component="span">
              {detail.subjects.map((subject) => (
                <Anchor key={subject.id} component={Link} to={paths.subject.href(subject.id)} size="sm">
                  {subjectLabel(subject)}
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
