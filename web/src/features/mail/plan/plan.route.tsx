import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MutationErrorAlert } from '../../../components/ui/mutation-error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';
import { hasRole, useCurrentUser } from '../../auth/use-session';
import { CompletePlanModal } from './complete-plan-modal';
import { PlanDocuments } from './plan-documents';
import { PlanLines } from './plan-lines';
import { PlanScope } from './plan-scope';
import type { Plan } from './types';

const STATUS_COLORS = { draft: 'gray', confirmed: 'blue', done: 'teal' } as const;

/** /mail/cases/:caseId/plan — what the withdrawal does to each record, the tasks on its clock, and the documents. */
export default function PlanRoute() {
  const { t } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const caseId = Number(useParams().caseId);
  const me = useCurrentUser();
  const officer = hasRole(me.role, ['officer']);
  const query = useQuery(trpc.mail.plan.byCase.queryOptions({ caseId }));
  if (query.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  if (!query.data) return <MutationErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  const { case: row, plan, letterScope } = query.data;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={paths.case.href(row.id)} size="sm">
        ← {t('back', { number: row.incomingNumber })}
      </Anchor>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', {
          number: row.incomingNumber,
          date: formatDate(row.receivedOn),
          subject: plan?.subjectName ?? '—',
        })}
        badges={plan && <Badge color={STATUS_COLORS[plan.status]}>{t(`status.${plan.status}`)}</Badge>}
        actions={plan && officer && <PlanActions plan={plan} />}
      />
      {row.type !== 'consent_withdrawal' ? (
        <Alert color="yellow">{t('notWithdrawal')}</Alert>
      ) : (
        <>
          {plan && <PlanClock plan={plan} />}
          {officer && (!plan || plan.status === 'draft') && (
            <PlanScope caseId={row.id} again={!!plan} letterScope={letterScope} />
          )}
          {plan && <PlanLines plan={plan} editable={officer && plan.status !== 'done'} />}
          {plan && <PlanDocuments plan={plan} canWrite={officer} />}
        </>
      )}
    </Stack>
  );
}

function PlanClock({ plan }: { plan: Plan }) {
  const { t } = useTranslation('mailPlan');
  const overdue = plan.status !== 'done' && plan.today > plan.dueOn;
  return (
    <Group gap="sm" fz="sm">
      <Text size="sm" fw={600} c={overdue ? 'red' : undefined}>
        {t('clock.due', { date: formatDate(plan.dueOn) })}
        {overdue && ` · ${t('clock.overdue')}`}
      </Text>
      <Text size="sm" c="dimmed">
        {t('clock.article')}
      </Text>
      {plan.dueOnDayOff && plan.workBy && (
        <Badge variant="light" color="orange">
          {t('clock.dayOff', { date: formatDate(plan.workBy) })}
        </Badge>
      )}
    </Group>
  );
}

function PlanActions({ plan }: { plan: Plan }) {
  const { t } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const refresh = useInvalidateMail();
  const [completing, setCompleting] = useState(false);
  const confirm = useMutation({ ...trpc.mail.plan.confirm.mutationOptions(), onSuccess: () => refresh() });
  if (plan.status === 'draft') {
    return (
      <Stack gap={4} align="end">
        <Button onClick={() => confirm.mutate({ planId: plan.id })} loading={confirm.isPending}>
          {t('confirmPlan')}
        </Button>
        <MutationErrorAlert error={confirm.error} onReload={() => void refresh()} />
      </Stack>
    );
  }
  if (plan.status !== 'confirmed') return null;
  return (
    <>
      <Button color="teal" onClick={() => setCompleting(true)}>
        {t('complete')}
      </Button>
      <CompletePlanModal plan={plan} opened={completing} onClose={() => setCompleting(false)} />
    </>
  );
}
