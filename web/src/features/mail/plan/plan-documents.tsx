import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MutationErrorAlert } from '../../../components/ui/mutation-error-alert';
import { Section } from '../../../components/ui/section';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';
import type { Plan } from './types';

const FORMATS = ['pdf', 'docx'] as const;

/** PDF and DOCX of one document: the same text, the Word file for offices that edit letters. */
function Downloads({ name, href }: { name: string; href: (format: (typeof FORMATS)[number]) => string }) {
  const { t } = useTranslation('mailPlan');
  return (
    <Group gap="xs">
      {FORMATS.map((format) => (
        <Anchor
          key={format}
          href={href(format)}
          download
          size="sm"
          aria-label={t('documents.download', { format: format.toUpperCase(), name })}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}

/** The answer (a case letter with its outgoing number and post tracking) and the destruction acts of the plan. */
export function PlanDocuments({ plan, canWrite }: { plan: Plan; canWrite: boolean }) {
  const { t } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const refresh = useInvalidateMail();
  const answer = useMutation({ ...trpc.mail.documents.createAnswer.mutationOptions(), onSuccess: () => refresh() });
  if (plan.status !== 'done') {
    return (
      <Section title={t('documents.title')}>
        <Text size="sm" c="dimmed">
          {t('documents.waiting')}
        </Text>
      </Section>
    );
  }
  const letter = plan.answer;
  return (
    <Section title={t('documents.title')}>
      <Stack gap="sm">
        <MutationErrorAlert error={answer.error} onReload={() => void refresh()} />
        <Group gap="md" align="center">
          <Text size="sm" fw={600} w={200}>
            {t('documents.answer')}
          </Text>
          {letter ? (
            <>
              <Text size="sm">{t('documents.answerNumber', { number: letter.outgoingNumber })}</Text>
              <Downloads name={letter.outgoingNumber} href={(f) => paths.mailLetterFile.href(letter.id, f)} />
              {letter.sentOn ? (
                <Text size="sm">
                  {[
                    t('documents.sent', { date: formatDate(letter.sentOn) }),
                    letter.trackingNumber && t('documents.tracking', { number: letter.trackingNumber }),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </Text>
              ) : (
                // Sending (method, the post's tracking number) is recorded where every letter of the case is.
                <Anchor component={Link} to={paths.case.href(plan.caseId)} size="sm" c="dimmed">
                  {t('documents.notSent')}
                </Anchor>
              )}
            </>
          ) : (
            canWrite && (
              <Button size="xs" onClick={() => answer.mutate({ planId: plan.id })} loading={answer.isPending}>
                {t('documents.prepareAnswer')}
              </Button>
            )
          )}
        </Group>
        <Group gap="md" align="start">
          <Text size="sm" fw={600} w={200}>
            {t('documents.acts')}
          </Text>
          <Stack gap={4}>
            {plan.acts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('documents.noActs')}
              </Text>
            )}
            {plan.acts.map((act) => (
              <Group key={act.id} gap="md">
                <Text size="sm">{t('documents.act', { number: act.number, date: formatDate(act.destroyedOn) })}</Text>
                <Downloads name={act.number} href={(f) => paths.mailActFile.href(act.id, f)} />
              </Group>
            ))}
          </Stack>
        </Group>
      </Stack>
    </Section>
  );
}
