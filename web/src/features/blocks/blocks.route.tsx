import { Alert, Anchor, Group, Loader, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import {
  BLOCK_REASON_LABELS,
  BLOCK_REASONS,
  BLOCK_STATE_LABELS,
  BLOCK_STEP_LABELS,
  BLOCK_STEPS,
  type BlockReason,
  type BlockStep,
} from '@pd-desk/shared/blocks/block-model';
import { REQUESTER_KINDS, type RequesterKind } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { DaysLeft } from '../cases/due-status';
import { scopeText } from './scope-text';
import type { BlockListItem } from './types';

type View = 'active' | 'history';

/** «Блокировки»: blocks in effect with age, scope, the next step and its clock; filters; the lifted ones in history. */
export default function BlocksRoute() {
  const { t, i18n } = useTranslation('blocks');
  const { t: tCases } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') === 'history' ? 'history' : 'active') as View;
  const reason = (params.get('reason') as BlockReason | null) ?? undefined;
  const requesterKind = (params.get('requester') as RequesterKind | null) ?? undefined;
  const step = (params.get('step') as BlockStep | null) ?? undefined;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useQuery(trpc.blocks.list.queryOptions({ view, reason, requesterKind, step, limit: 200, offset: 0 }));
  const any = { value: '', label: t('filters.any') };
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        badges={list.data && <Text c="dimmed">{t('total', { count: list.data.total })}</Text>}
      />
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t('title')}
          data={(['active', 'history'] as const).map((v) => ({ value: v, label: t(`views.${v}`) }))}
          value={view}
          onChange={(v) => set('view', v === 'active' ? null : v)}
        />
        <Select
          label={t('filters.reason')}
          size="xs"
          w={220}
          data={[any, ...BLOCK_REASONS.map((r) => ({ value: r, label: BLOCK_REASON_LABELS[r][lang] }))]}
          value={reason ?? ''}
          onChange={(v) => set('reason', v)}
        />
        <Select
          label={t('filters.requester')}
          size="xs"
          w={180}
          data={[any, ...REQUESTER_KINDS.map((k) => ({ value: k, label: tCases(`requesterKinds.${k}`) }))]}
          value={requesterKind ?? ''}
          onChange={(v) => set('requester', v)}
        />
        {view === 'active' && (
          <Select
            label={t('filters.step')}
            size="xs"
            w={200}
            data={[any, ...BLOCK_STEPS.map((s) => ({ value: s, label: BLOCK_STEP_LABELS[s][lang] }))]}
            value={step ?? ''}
            onChange={(v) => set('step', v)}
          />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('maskedNote')}
      </Text>
      {list.isPending ? (
        <Loader />
      ) : !list.data || list.data.items.length === 0 ? (
        <Alert color="gray">{t('empty')}</Alert>
      ) : (
        <BlocksTable items={list.data.items} view={view} />
      )}
    </Stack>
  );
}

function BlocksTable({ items, view }: { items: BlockListItem[]; view: View }) {
  const { t, i18n } = useTranslation('blocks');
  const { t: tCases } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const navigate = useNavigate();
  return (
    <Table fz="sm" verticalSpacing={4} highlightOnHover>
      <Table.Thead>
        <Table.Tr style={{ whiteSpace: 'nowrap' }}>
          <Table.Th w={48}>{t('columns.block')}</Table.Th>
          <Table.Th w={110}>{t('columns.case')}</Table.Th>
          <Table.Th w={140}>{t('columns.subject')}</Table.Th>
          <Table.Th>{t('columns.scope')}</Table.Th>
          <Table.Th w={150}>{t('columns.reason')}</Table.Th>
          <Table.Th w={150}>{t('columns.requester')}</Table.Th>
          <Table.Th w={70}>{t('columns.age')}</Table.Th>
          <Table.Th w={230}>{view === 'active' ? t('columns.next') : t('columns.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((b) => (
          <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => navigate(paths.block.href(b.id))}>
            <Table.Td>
              <Anchor component={Link} to={paths.block.href(b.id)} size="sm" onClick={(e) => e.stopPropagation()}>
                {b.id}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={paths.case.href(b.caseId)} size="sm" onClick={(e) => e.stopPropagation()}>
                {b.caseNumber}
              </Anchor>
            </Table.Td>
            <Table.Td lang="ru">{b.subject}</Table.Td>
            <Table.Td>
              {b.scope.map((s) => (
                <Text size="sm" key={`${s.kind}-${s.recordId}-${s.field}-${s.system}-${s.purpose}`} lineClamp={2}>
                  {scopeText(t, lang, s)}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{BLOCK_REASON_LABELS[b.reason][lang]}</Table.Td>
            <Table.Td>
              <Text size="sm" lang="ru">
                {b.requester}
              </Text>
              <Text size="xs" c="dimmed">
                {tCases(`requesterKinds.${b.requesterKind}`)}
              </Text>
            </Table.Td>
            <Table.Td>{t('ageDays', { count: b.ageDays })}</Table.Td>
            <Table.Td>
              {view === 'active' && b.nextStep ? (
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {BLOCK_STEP_LABELS[b.nextStep.step][lang]} {t('due', { date: formatDate(b.nextStep.dueOn) })}
                  </Text>
                  <DaysLeft workingDaysLeft={b.nextStep.workingDaysLeft} open />
                </Stack>
              ) : (
                <Stack gap={0}>
                  <Text size="sm">{BLOCK_STATE_LABELS[b.state][lang]}</Text>
                  {b.liftedAt && (
                    <Text size="xs" c="dimmed">
                      {formatDateTime(b.liftedAt)}
                    </Text>
                  )}
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
