import { Alert, Group, Loader, Paper, Text } from '@mantine/core';
import { DEADLINE_RULES, type DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import { isIsoDate } from '@pd-desk/shared/calendar/iso-date';
import type { CaseType } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatArticle, formatDate } from '../../lib/format';
import { errorText } from '../../lib/server-messages';
import { useTRPCClient } from '../../lib/trpc';
import { WarningIcon } from './icons';
import { settle } from './settle';

type Props = { type: CaseType | null; rule: DeadlineRuleId | undefined; receivedOn: string | null };

/** The due date the server will store, shown while the form is filled, so a wrong date is caught before saving. */
export function DuePreview({ type, rule, receivedOn }: Props) {
  const { t, i18n } = useTranslation('cases');
  // The server's title is Russian; the rule id picks the title in the UI's language.
  const ruleTitle = (id: DeadlineRuleId) => DEADLINE_RULES[id][i18n.language === 'en' ? 'titleEn' : 'titleRu'];
  const client = useTRPCClient();
  const ready = type !== null && receivedOn !== null && isIsoDate(receivedOn);
  const input = { type: type ?? 'access', rule, receivedOn: receivedOn ?? '', extended: false };
  const preview = useQuery({
    queryKey: ['cases', 'due-preview', input],
    queryFn: () => settle(client.cases.deadlinePreview.query(input)),
    enabled: ready,
    staleTime: 60_000,
  });
  const result = preview.data;
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
      <Group gap="xs" align="baseline">
        <Text size="sm" c="dimmed">
          {t('register.due')}:
        </Text>
        {!ready && <Text size="sm">{t('register.dueWaiting')}</Text>}
        {ready && preview.isFetching && !result && <Loader size="xs" />}
        {ready && result?.ok && (
          <Text fw={700} size="lg" data-testid="due-preview">
            {formatDate(result.data.dueOn)}
          </Text>
        )}
      </Group>
      {ready && result?.ok && (
        <>
          <Text size="xs" c="dimmed">
            {t('register.dueTerm', { rule: ruleTitle(result.data.rule), article: formatArticle(result.data.article) })}
          </Text>
          {result.data.provisional && (
            <Group gap={6} mt={6} wrap="nowrap" c="orange.9" align="flex-start">
              <WarningIcon size={16} />
              <Text size="xs">{t('due.provisional')}</Text>
            </Group>
          )}
          {result.data.landsOnNonWorkingDay && (
            <Text size="xs" mt={6}>
              {t('due.dayOff')}
            </Text>
          )}
        </>
      )}
      {ready && result && !result.ok && (
        <Alert color="red" mt="xs" p="xs">
          {errorText(result.error)}
        </Alert>
      )}
    </Paper>
  );
}
