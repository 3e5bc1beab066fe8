import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { isFinalStatus, isOpenStatus } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { cameFromQueue, paths } from '../../config/paths';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { CaseAssignee } from './case-assignee';
import { CaseAttachments } from './case-attachments';
import { CaseBlockButton } from './case-block-button';
import { CaseDetails } from './case-details';
import { CaseLetters } from './case-letters';
import { CaseNotes } from './case-notes';
import classes from './case-page.module.css';
import { CasePageContext } from './case-page-context';
import { CaseReopen } from './case-reopen';
import { CaseStatusActions } from './case-status-actions';
import { CaseWithdrawalPlan } from './case-withdrawal-plan';
import { DueDate } from './due-status';
import { ExtendCaseModal } from './extend-case-modal';
import { StatusBadge } from './status-badge';
import type { CaseDetail } from './types';

/** Longer than a Mantine dialog's closing transition (200 ms), after which it hands the focus back. */
const DIALOG_CLOSE_MS = 400;

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
  const statusRef = useRef<HTMLSpanElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  useFocusAfterChange(detail.version, actionsRef, statusRef);
  return (
    <Stack gap="sm">
      <BackToQueue />
      <PageHeader
        title={detail.incomingNumber}
        badges={
          <>
            {/* Where the focus goes when a change removed the pressed control (see useFocusAfterChange); a live
                region too, so the new status is said when it changes. */}
            <span ref={statusRef} role="status" tabIndex={-1} className={classes.status}>
              <VisuallyHidden>{t('page.status')}: </VisuallyHidden>
              <StatusBadge status={detail.status} />
            </span>
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
      {/* At 200 % zoom the moves go under the due date rather than squeezing it into a column of words. */}
      <Group justify="space-between" wrap="wrap" gap="sm">
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
          <Group gap="xs" wrap="wrap" ref={actionsRef}>
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

/**
 * «назад» to the queue. Opened from the queue, it goes back in history like the browser's Back: the queue returns
 * with its filters and scroll, and the focus on this case's row (ADR 0026). Opened from elsewhere, it is a link.
 */
function BackToQueue() {
  const { t } = useTranslation('cases');
  const { state } = useLocation();
  const navigate = useNavigate();
  return (
    <Anchor
      component={Link}
      to={paths.queue.href()}
      size="sm"
      onClick={(event) => {
        if (!cameFromQueue(state)) return;
        event.preventDefault();
        void navigate(-1);
      }}
    >
      ← {t('page.back')}
    </Anchor>
  );
}

/**
 * A saved change re-renders the case, and the control that was pressed may be gone with it: «Взять в работу»
 * replaced by the next moves, a dialog's opener removed while the dialog closed. The focus then goes to the moves
 * that replaced it, or else to the status line, never to <body>, where a keyboard user starts again from the top.
 * Checked when the version changes and once more after a dialog's closing transition, which returns the focus late.
 */
function useFocusAfterChange(
  version: number,
  actions: RefObject<HTMLElement | null>,
  status: RefObject<HTMLElement | null>,
) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version of the case is the trigger itself.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const rescue = () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const next = actions.current?.querySelector<HTMLElement>('button:not(:disabled)');
      (next ?? status.current)?.focus();
    };
    rescue();
    const late = setTimeout(rescue, DIALOG_CLOSE_MS);
    return () => clearTimeout(late);
  }, [version]);
}
