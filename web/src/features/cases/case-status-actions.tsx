import { Button, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CaseStatus, transitionNeedsReason } from '@pd-desk/shared/cases/case-model';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../components/ui/reason-modal';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';

const COLORS: Partial<Record<CaseStatus, string>> = { rejected: 'red', closed: 'gray' };

/** Only the moves the workflow allows from the current status; closing early and refusing ask why. */
export function CaseStatusActions() {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail, report } = useCasePage();
  const refresh = useInvalidateCases();
  const [asking, setAsking] = useState<CaseStatus | null>(null);
  const transition = useMutation({
    ...trpc.cases.transition.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('actions.saved') });
      setAsking(null);
      await refresh();
    },
  });
  const answerSent = detail.letters.some((l) => l.kind === 'answer' && l.sentOn);
  const move = (to: CaseStatus) => {
    if (transitionNeedsReason(detail.status, to)) {
      transition.reset();
      setAsking(to);
    } else {
      transition.mutate({ id: detail.id, version: detail.version, to }, { onError: report });
    }
  };
  return (
    <>
      <Group gap="xs">
        {detail.allowedTransitions.map((to) => {
          const blocked = to === 'answered' && !answerSent;
          const button = (
            <Button
              key={to}
              size="xs"
              variant={to === 'rejected' || to === 'closed' ? 'default' : 'light'}
              color={COLORS[to]}
              disabled={blocked}
              loading={transition.isPending && transition.variables?.to === to}
              onClick={() => move(to)}
            >
              {t(`actions.${to}`)}
            </Button>
          );
          return blocked ? (
            <Tooltip key={to} label={t('actions.answerFirst')}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Group>
      <ReasonModal
        title={
          asking ? t('actions.reasonTitle', { action: t(`actions.${asking}`), number: detail.incomingNumber }) : ''
        }
        label={asking === 'rejected' ? t('actions.reasonRejected') : t('actions.reason')}
        opened={asking !== null}
        pending={transition.isPending}
        error={transition.error}
        onReload={() => void refresh()}
        onClose={() => setAsking(null)}
        onSubmit={(reason) =>
          asking && transition.mutate({ id: detail.id, version: detail.version, to: asking, reason })
        }
      />
    </>
  );
}
