import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  NOTIFICATION_EXCEPTION_LABELS,
  NOTIFICATION_EXCEPTIONS,
  NOTIFICATION_STATE_LABELS,
  type NotificationException,
} from '@pd-desk/shared/breaches/breach-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormActions } from '../../components/ui/form-actions';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatNumber } from '../../lib/format';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { AddByCriteriaModal, AddFromCsvModal, AddFromSearchModal } from './affected-add-modals';
import { labelOf } from './labels';
import type { BreachDetail, BreachJob } from './types';

const PAGE = 50;

function JobProgress({ job }: { job: BreachJob }) {
  const { t } = useTranslation('breaches');
  const total = job.total ?? 0;
  const share = total > 0 ? Math.min(100, (job.processed / total) * 100) : job.state === 'done' ? 100 : 0;
  return (
    <Stack gap={2} data-testid={`job-${job.kind}`}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t(`job.${job.kind}`)}
        </Text>
        <Badge size="sm" color={job.state === 'failed' ? 'red' : job.state === 'done' ? 'green' : 'blue'}>
          {t(`job.${job.state}`)}
        </Badge>
        <Text size="sm">
          {t('job.progress', { processed: formatNumber(job.processed), total: formatNumber(total) })}
        </Text>
        {job.kind === 'add_subjects' && <Text size="sm">{t('job.added', { n: formatNumber(job.added) })}</Text>}
      </Group>
      <Progress
        value={share}
        size="sm"
        animated={job.state === 'running' || job.state === 'queued'}
        aria-label={t(`job.${job.kind}`)}
      />
      {job.problemCount > 0 && (
        <details>
          <summary>
            <Text span size="sm" c="orange.9">
              {t('job.problems', { count: job.problemCount })}
            </Text>
          </summary>
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {job.problems.join('\n')}
          </Text>
        </details>
      )}
      {job.error && <Alert color="red">{job.error}</Alert>}
    </Stack>
  );
}

function ExceptionModal({
  breachId,
  subjectId,
  onClose,
}: {
  breachId: number;
  subjectId: number | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const [exception, setException] = useState<NotificationException | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation(
    trpc.breaches.affected.setException.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setException(null);
        setReason('');
        onClose();
      },
    }),
  );
  return (
    <Modal opened={subjectId !== null} onClose={onClose} title={t('affected.exception')}>
      <Stack gap="sm">
        <Select
          label={t('affected.exception')}
          data={NOTIFICATION_EXCEPTIONS.map((e) => ({
            value: e,
            label: labelOf(NOTIFICATION_EXCEPTION_LABELS[e], i18n.language),
          }))}
          value={exception}
          onChange={(v) => setException(v as NotificationException | null)}
        />
        <TextInput
          label={t('affected.exceptionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {save.error && <Alert color="red">{errorText(save.error)}</Alert>}
        <FormActions
          onCancel={onClose}
          loading={save.isPending}
          disabled={!exception || !reason.trim()}
          submitLabel={t('affected.setException')}
          onSubmit={() => subjectId && save.mutate({ breachId, subjectId, exception, reason })}
        />
      </Stack>
    </Modal>
  );
}

/** Who was affected (masked), how they were added, their 5.2 exception and notification state; jobs with progress. */
export function AffectedSubjects({ detail, canWork }: { detail: BreachDetail; canWork: boolean }) {
  const { t, i18n } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<'criteria' | 'csv' | 'search' | null>(null);
  const [excepting, setExcepting] = useState<number | null>(null);
  const list = useQuery(
    trpc.breaches.affected.list.queryOptions({ breachId: detail.id, limit: PAGE, offset: (page - 1) * PAGE }),
  );
  const notify = useMutation(trpc.breaches.affected.notify.mutationOptions({ onSuccess: () => refresh() }));
  const clear = useMutation(trpc.breaches.affected.setException.mutationOptions({ onSuccess: () => refresh() }));
  const open = detail.status !== 'closed';
  const lettersReady =
    detail.affected.total - (detail.affected.byState.pending ?? 0) - (detail.affected.byState.excluded ?? 0);
  return (
    <Section
      title={`${t('affected.title')} · ${t('affected.total', { count: detail.affected.total, n: formatNumber(detail.affected.total) })}`}
      action={
        <Group gap="xs">
          {canWork && open && (
            <>
              <Button size="xs" variant="default" onClick={() => setAdding('search')}>
                {t('affected.search')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setAdding('criteria')}>
                {t('affected.byCriteria')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setAdding('csv')}>
                {t('affected.fromCsv')}
              </Button>
              <Button
                size="xs"
                onClick={() => notify.mutate({ breachId: detail.id })}
                loading={notify.isPending}
                disabled={(detail.affected.byState.pending ?? 0) === 0}
              >
                {t('affected.notify')}
              </Button>
            </>
          )}
          {canWork && lettersReady > 0 && (
            <Button size="xs" variant="light" component="a" href={paths.breachLetters.href(detail.id)} target="_blank">
              {t('affected.bundle')}
            </Button>
          )}
        </Group>
      }
    >
      <Stack gap="xs">
        {notify.error && <Alert color="red">{errorText(notify.error)}</Alert>}
        <Group gap="xs">
          {Object.entries(detail.affected.byState).map(([state, n]) => (
            <Badge key={state} variant="light" color={state === 'failed' || state === 'sending' ? 'red' : 'gray'}>
              {labelOf(NOTIFICATION_STATE_LABELS[state as keyof typeof NOTIFICATION_STATE_LABELS], i18n.language)}:{' '}
              {formatNumber(n)}
            </Badge>
          ))}
        </Group>
        {detail.jobs.slice(0, 2).map((job) => (
          <JobProgress key={job.id} job={job} />
        ))}
        <Table fz="sm" verticalSpacing={3} striped>
          <Table.Thead>
            <Table.Tr>
              {(['name', 'via', 'state', 'exception'] as const).map((c) => (
                <Table.Th key={c}>{t(`affected.columns.${c}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.rows.map((row) => (
              <Table.Tr key={row.subjectId}>
                <Table.Td>
                  <Anchor component={Link} to={paths.subject.href(row.subjectId)}>
                    {row.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`affected.via.${row.addedVia}`, { defaultValue: row.addedVia })}</Table.Td>
                <Table.Td>{labelOf(NOTIFICATION_STATE_LABELS[row.state], i18n.language)}</Table.Td>
                <Table.Td>
                  {row.exception && (
                    <Text size="xs">
                      {labelOf(NOTIFICATION_EXCEPTION_LABELS[row.exception], i18n.language)} — {row.exceptionReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canWork && open && row.state === 'pending' && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setExcepting(row.subjectId)}>
                      {t('affected.setException')}
                    </Button>
                  )}
                  {canWork && open && row.state === 'excluded' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        clear.mutate({ breachId: detail.id, subjectId: row.subjectId, exception: null, reason: '' })
                      }
                    >
                      {t('affected.clearException')}
                    </Button>
                  )}
                  {canWork && !['pending', 'excluded'].includes(row.state) && (
                    <Anchor size="xs" href={paths.breachLetter.href(detail.id, row.subjectId)} target="_blank">
                      {t('affected.letter')}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.total === 0 && <Text c="dimmed">{t('affected.empty')}</Text>}
        {list.data && list.data.total > PAGE && (
          <Pagination
            size="sm"
            total={Math.ceil(list.data.total / PAGE)}
            value={page}
            onChange={setPage}
            // The arrows are icons: each needs a name a screen reader can say.
            getControlProps={(control) => ({ 'aria-label': t(`affected.pageControls.${control}`) })}
          />
        )}
      </Stack>
      <AddByCriteriaModal breachId={detail.id} opened={adding === 'criteria'} onClose={() => setAdding(null)} />
      <AddFromCsvModal breachId={detail.id} opened={adding === 'csv'} onClose={() => setAdding(null)} />
      <AddFromSearchModal breachId={detail.id} opened={adding === 'search'} onClose={() => setAdding(null)} />
      <ExceptionModal breachId={detail.id} subjectId={excepting} onClose={() => setExcepting(null)} />
    </Section>
  );
}
