import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import {
  CHOOSABLE_PLAN_ACTIONS,
  type ChoosablePlanAction,
  PLAN_ACTION_LABELS,
  type PlanAction,
} from '@pd-desk/shared/mail/withdrawal-plan';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../../components/ui/mutation-error-alert';
import { ReasonModal } from '../../../components/ui/reason-modal';
import { Section } from '../../../components/ui/section';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';
import type { Plan, PlanLine } from './types';

const ACTION_COLORS: Record<PlanAction, string> = {
  destroy: 'red.8',
  keep: 'blue.8',
  continue: 'dimmed',
  already_stopped: 'dimmed',
};

/** One row per record: where, why, on what basis, the proposal and the officer's decision, then the task. */
export function PlanLines({ plan, editable }: { plan: Plan; editable: boolean }) {
  const { t, i18n } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const refresh = useInvalidateMail();
  const [changing, setChanging] = useState<{ line: PlanLine; action: ChoosablePlanAction } | null>(null);
  const setLine = useMutation({
    ...trpc.mail.plan.setLine.mutationOptions(),
    onSuccess: async () => {
      setChanging(null);
      await refresh();
    },
  });
  const label = (action: PlanAction) => PLAN_ACTION_LABELS[action][i18n.language === 'en' ? 'en' : 'ru'];
  const choose = (line: PlanLine, action: ChoosablePlanAction) => {
    setLine.reset();
    if (action === line.proposedAction) setLine.mutate({ lineId: line.id, action });
    else setChanging({ line, action });
  };
  return (
    <Section title={t('linesTitle')}>
      {plan.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noRecords')}
        </Text>
      ) : (
        <Stack gap="xs">
          {!changing && <MutationErrorAlert error={setLine.error} onReload={() => void refresh()} />}
          <Table fz="sm" verticalSpacing={6} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {(['system', 'purpose', 'basis', 'data', 'proposed', 'action', 'task'] as const).map((c) => (
                  <Table.Th key={c}>{t(`columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {line.systemName}
                    </Text>
                    {line.externalId && (
                      <Text size="xs" c="dimmed">
                        {t('external', { id: line.externalId })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={220}>{line.purposeName}</Table.Td>
                  <Table.Td maw={280}>
                    <Text size="sm" fw={500}>
                      {t(`bases.${line.legalBasis}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {line.basisText}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={160}>
                    {line.dataFields.map((f) => PD_FIELD_LABELS[f][i18n.language === 'en' ? 'en' : 'ru']).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={ACTION_COLORS[line.proposedAction]}>
                      {label(line.proposedAction)}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={210}>
                    {editable && !line.doneAt && line.proposedAction !== 'already_stopped' ? (
                      <Stack gap={4}>
                        <Select
                          aria-label={`${t('columns.action')}: ${line.purposeName}`}
                          size="xs"
                          allowDeselect={false}
                          value={line.action}
                          data={CHOOSABLE_PLAN_ACTIONS.map((a) => ({ value: a, label: label(a) }))}
                          onChange={(v) => v && choose(line, v as ChoosablePlanAction)}
                        />
                        {line.confirmed ? (
                          <Text size="xs" c="teal">
                            ✓ {t('confirmed')}
                          </Text>
                        ) : (
                          <Group gap={4}>
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => choose(line, line.action as ChoosablePlanAction)}
                              loading={setLine.isPending && setLine.variables?.lineId === line.id}
                              aria-label={`${t('confirmLine')}: ${line.purposeName}`}
                            >
                              {t('confirmLine')}
                            </Button>
                          </Group>
                        )}
                        {line.note && (
                          <Text size="xs" c="dimmed">
                            {line.note}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Text size="sm" fw={500}>
                        {label(line.action)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <TaskCell plan={plan} line={line} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <ReasonModal
        title={changing ? t('changeTitle', { purpose: changing.line.purposeName }) : ''}
        label={t('changeLabel')}
        opened={changing !== null}
        pending={setLine.isPending}
        error={setLine.error}
        onReload={() => void refresh()}
        onClose={() => setChanging(null)}
        onSubmit={(note) => changing && setLine.mutate({ lineId: changing.line.id, action: changing.action, note })}
      />
    </Section>
  );
}

function TaskCell({ plan, line }: { plan: Plan; line: PlanLine }) {
  const { t } = useTranslation('mailPlan');
  if (line.doneAt) {
    return (
      <Text size="sm" c="teal">
        {t('taskDone', { date: formatDateTime(line.doneAt) })}
      </Text>
    );
  }
  if (line.action === 'already_stopped' || plan.status === 'draft') return <Text size="sm">{t('noTask')}</Text>;
  return <Text size="sm">{t('taskDue', { date: formatDate(plan.workBy ?? plan.dueOn) })}</Text>;
}
