import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { isFinalStatus, isOpenStatus } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { CaseAssignee } from './case-assignee';
import { CaseAttachments } from './case-attachments';
import { CaseBlockButton } from './case-block-button';
import { CaseDetails } from './case-details';
import { CaseLetters } from './case-letters';
import { CaseNotes } from './case-notes';
import { CasePageContext } from './case-page-context';
import { CaseReopen } from './case-reopen';
import { CaseStatusActions } from './case-status-actions';
import { CaseWithdrawalPlan } from './case-withdrawal-plan';
import { DueDate } from './due-status';
import { ExtendCaseModal } from './extend-case-modal';
import { StatusBadge } from './status-badge';
import type { CaseDetail } from './types';

export default function CaseRoute() {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const caseId = Number(useParams().caseId);
  // Coming back to the tab re-reads the case: a colleague's change shows before anyone edits a stale copy.
  const query = useQuery({ ...trpc.cases.byId.queryOptions({ id: caseId }), refetchOnWindowFocus: true });
  const [failure, setFailure] = useState<unknown>(null);

  if (query.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  if (!query.data) return <Alert color="red">{t('page.notFound')}</Alert>;
  return (
    <CasePageContext.Provider value={{ detail: query.data, report: setFailure }}>
      <CasePage
        detail={query.data}
        failure={failure}
        onReload={async () => {
          await query.refetch();
          setFailure(null);
        }}
      />
    </CasePageContext.Provider>
  );
}

type Props = { detail: CaseDetail; failure: unknown; onReload: () => Promise<void> };

function CasePage({ detail, failure, onReload }: Props) {
  const { t } = useTranslation('cases');
  const me = useCurrentUser();
  const [extending, setExtending] = useState(false);
  const open = isOpenStatus(detail.status);
  // Closed and rejected cases are read-only for everyone until the officer reopens them.
  const writable = !isFinalStatus(detail.status);
  const officer = hasRole(me.role, ['officer']);
  const intake = writable && hasRole(me.role, ['officer', 'registrar']);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={paths.queue.href()} size="sm">
        ← {t('page.back')}
      </Anchor>
      <PageHeader
        title={detail.incomingNumber}
        badges={
          <>
            <StatusBadge status={detail.status} />
            {detail.extended && (
              <Badge variant="outline" color="grape" size="sm">
                {t('due.extended')}
              </Badge>
            )}
          </>
        }
        subtitle={<Text fw={500}>{t(`types.${detail.type}`)}</Text>}
        actions={
          <Group gap="xs" wrap="nowrap">
            {officer && open && <CaseBlockButton detail={detail} />}
            <CaseAssignee editable={open} />
          </Group>
        }
      />
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" fz="sm" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('page.due')}:
          </Text>
          <DueDate
            dueOn={detail.dueOn}
            workingDaysLeft={detail.workingDaysLeft}
            provisional={detail.dueProvisional}
            dayOff={detail.dueOnDayOff}
            open={open}
          />
        </Group>
        {officer && (
          <Group gap="xs" wrap="nowrap">
            {writable ? <CaseStatusActions /> : <CaseReopen />}
            {detail.canExtend && (
              <Button size="xs" variant="outline" color="grape" onClick={() => setExtending(true)}>
                {t('extend.open')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <MutationErrorAlert error={failure} onReload={() => void onReload()} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <CaseDetails canLink={intake} />
            {detail.type === 'consent_withdrawal' && hasRole(me.role, ['officer', 'auditor']) && (
              <CaseWithdrawalPlan caseId={detail.id} />
            )}
            <CaseLetters canWrite={officer && writable} />
            <CaseAttachments canUpload={intake} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CaseNotes canWrite={officer && writable} />
        </Grid.Col>
      </Grid>
      {detail.canExtend && <ExtendCaseModal opened={extending} onClose={() => setExtending(false)} />}
    </Stack>
  );
}
