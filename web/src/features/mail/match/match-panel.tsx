import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/section';
import { paths } from '../../../config/paths';
import { useInvalidateMail } from '../../../lib/invalidate';
import { errorText } from '../../../lib/server-messages';
import { useTRPC } from '../../../lib/trpc';
import type { MailItem } from '../types';
import { NewSubjectModal } from './new-subject-modal';

/**
 * Who wrote the letter: the subject search's suggestions for everything the letter says, each with the
 * fields that agreed; then one of three decisions. Names stay masked — the registrar decides by the reasons.
 */
export function MatchPanel({ item }: { item: MailItem }) {
  const { t } = useTranslation('mail');
  const trpc = useTRPC();
  const invalidate = useInvalidateMail();
  const [creating, setCreating] = useState(false);
  const decided = item.matchStatus !== 'pending';
  const suggestions = useQuery({ ...trpc.mail.match.suggestions.queryOptions({ id: item.id }), enabled: !decided });
  const confirm = useMutation({
    ...trpc.mail.match.confirm.mutationOptions(),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('match.matched') });
      await invalidate();
    },
  });
  const unidentified = useMutation({
    ...trpc.mail.match.unidentified.mutationOptions(),
    onSuccess: async (result) => {
      notifications.show({ color: 'orange', message: t('match.unidentifiedDone', { number: result.outgoingNumber }) });
      await invalidate();
    },
  });
  const error = confirm.error ?? unidentified.error;

  if (decided) {
    return (
      <Section title={t('match.title')}>
        <Group gap="sm">
          <Badge variant="light" color={item.matchStatus === 'unidentified' ? 'orange' : 'teal'} size="lg">
            {t(`matchStatuses.${item.matchStatus}`)}
          </Badge>
          {item.subjectId && <Link to={paths.subject.href(item.subjectId)}>{paths.subject.href(item.subjectId)}</Link>}
        </Group>
      </Section>
    );
  }

  const rows = suggestions.data ?? [];
  return (
    <Section title={t('match.title')}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert" p="xs">
            {errorText(error)}
          </Alert>
        )}
        {suggestions.isSuccess && rows.length === 0 && <Text c="dimmed">{t('match.none')}</Text>}
        {rows.length > 0 && (
          <Table fz="sm" verticalSpacing={6} aria-label={t('match.title')}>
            <Table.Tbody>
              {rows.map((s, index) => (
                <Table.Tr key={s.id} data-testid="match-suggestion">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[s.birthDate, ...s.phones].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {t('match.why')}:
                      </Text>
                      {s.matchedOn.map((field) => (
                        <Badge key={field} size="sm" variant="light" color="teal">
                          {t(`match.fields.${field}`)}
                        </Badge>
                      ))}
                      {s.approximate && (
                        <Badge size="sm" variant="light" color="yellow">
                          {t('match.approximate')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      data-autofocus={index === 0 || undefined}
                      autoFocus={index === 0}
                      loading={confirm.isPending && confirm.variables?.subjectId === s.id}
                      onClick={() => confirm.mutate({ itemId: item.id, subjectId: s.id })}
                    >
                      {t('match.confirm')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('match.newSubject')}
          </Button>
          <Button
            variant="light"
            color="orange"
            disabled={!item.caseId}
            loading={unidentified.isPending}
            onClick={() => unidentified.mutate({ id: item.id })}
          >
            {t('match.unidentified')}
          </Button>
        </Group>
      </Stack>
      <NewSubjectModal item={item} opened={creating} onClose={() => setCreating(false)} />
    </Section>
  );
}
