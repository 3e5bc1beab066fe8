import { Badge, Group, Select, Stack, Tabs } from '@mantine/core';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  LETTER_KINDS,
} from '@pd-desk/shared/cases/case-model';
import type { MailRegister } from '@pd-desk/shared/mail/registers.schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateField } from '../../../components/ui/date-field';
import { ExportMenu } from '../../../components/ui/export-menu';
import { PageHeader } from '../../../components/ui/page-header';
import { formatNumber } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../auth/use-session';
import { ActsTable } from './acts-table';
import { IncomingTable } from './incoming-table';
import { OutgoingTable } from './outgoing-table';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type RegisterFilters = { from?: string; to?: string; kind?: string; status?: string };
export type TableProps = { filters: RegisterFilters; onTotal: (total: number) => void };

/** /mail/registers — the three journals with filters in the URL (a link keeps the view) and CSV/XLSX exports. */
export default function RegistersRoute() {
  const { t, i18n } = useTranslation('mailRegisters');
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const readsActs = hasRole(me.role, ['officer', 'auditor']);
  const requested = params.get('register') as MailRegister | null;
  const register: MailRegister =
    requested === 'outgoing' || (requested === 'acts' && readsActs) ? requested : 'incoming';
  const filters: RegisterFilters = Object.fromEntries(
    (['from', 'to', 'kind', 'status'] as const)
      .map((key) => [key, params.get(key)] as const)
      .filter(([key, value]) => value && (key === 'from' || key === 'to' ? ISO_DATE.test(value) : true)),
  );
  const [total, setTotal] = useState<number | null>(null);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const kinds =
    register === 'incoming'
      ? CASE_TYPES.map((k) => ({ value: k, label: CASE_TYPE_LABELS[k][lang] }))
      : LETTER_KINDS.map((k) => ({ value: k, label: t(`letterKinds.${k}`) }));
  const statuses =
    register === 'incoming'
      ? CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s][lang] }))
      : (['sent', 'not_sent'] as const).map((s) => ({ value: s, label: t(`sentStatus.${s}`) }));
  const exportSearch = new URLSearchParams(filters as Record<string, string>).toString();
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        badges={total !== null && <Badge variant="light">{t('total', { count: total, n: formatNumber(total) })}</Badge>}
        actions={
          <ExportMenu
            table={`mail/registers/${register}`}
            search={exportSearch}
            // The journal of requests is the incoming register in print, in clear: the officer's and the auditor's.
            extra={
              register === 'incoming' && readsActs
                ? { table: 'mail/registers/requests', format: 'pdf', label: t('requestsJournalPdf') }
                : undefined
            }
          />
        }
      />
      <Tabs value={register} onChange={(v) => update({ register: v, kind: null, status: null })}>
        <Tabs.List>
          <Tabs.Tab value="incoming">{t('tabs.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('tabs.outgoing')}</Tabs.Tab>
          {readsActs && <Tabs.Tab value="acts">{t('tabs.acts')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      <Group gap="sm" align="end">
        <DateField
          label={t('filters.from')}
          clearable
          value={filters.from ?? null}
          onChange={(v) => update({ from: v })}
          w={150}
        />
        <DateField
          label={t('filters.to')}
          clearable
          value={filters.to ?? null}
          onChange={(v) => update({ to: v })}
          w={150}
        />
        {register !== 'acts' && (
          <>
            <Select
              label={t('filters.kind')}
              clearable
              placeholder={t('filters.all')}
              value={filters.kind ?? null}
              onChange={(v) => update({ kind: v })}
              data={kinds}
              w={260}
            />
            <Select
              label={t('filters.status')}
              clearable
              placeholder={t('filters.all')}
              value={filters.status ?? null}
              onChange={(v) => update({ status: v })}
              data={statuses}
              w={200}
            />
          </>
        )}
      </Group>
      {register === 'incoming' && <IncomingTable filters={filters} onTotal={setTotal} />}
      {register === 'outgoing' && <OutgoingTable filters={filters} onTotal={setTotal} />}
      {register === 'acts' && <ActsTable filters={filters} onTotal={setTotal} />}
    </Stack>
  );
}
