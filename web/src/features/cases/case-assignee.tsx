import { Button, Group, Select, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { useCasePage } from './case-page-context';
import { useOfficers } from './use-officers';

export function CaseAssignee({ editable }: { editable: boolean }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const { detail, report } = useCasePage();
  const refresh = useInvalidateCases();
  const officers = useOfficers();
  const assign = useMutation({
    ...trpc.cases.assign.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: refresh,
    onError: report,
  });
  const setAssignee = (assigneeId: number | null) =>
    assign.mutate({ id: detail.id, version: detail.version, assigneeId });

  if (!editable || !hasRole(me.role, ['officer'])) {
    return (
      <Text size="sm">
        {t('page.assignee')}:{' '}
        {detail.assignee ? <b lang="ru">{detail.assignee.displayName}</b> : <b>{t('page.unassigned')}</b>}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={200}
        aria-label={t('page.assignee')}
        placeholder={t('page.unassigned')}
        data={officers}
        value={detail.assignee ? String(detail.assignee.id) : null}
        clearable
        disabled={assign.isPending}
        onChange={(value) => setAssignee(value ? Number(value) : null)}
      />
      {detail.assignee?.id !== me.id && (
        <Button size="xs" variant="subtle" loading={assign.isPending} onClick={() => setAssignee(me.id)}>
          {t('page.assignToMe')}
        </Button>
      )}
    </Group>
  );
}
