import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { Section } from '../../components/ui/section';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Consent, SubjectReveal } from './types';
import { WithdrawConsentModal } from './withdraw-consent-modal';

type Props = { consents: Consent[]; revealed: SubjectReveal | null; canEdit: boolean; onChanged: () => void };

/** Each consent with the evidence 156-FZ asks for, and its withdrawal (policy 3.6). */
export function SubjectConsents({ consents, revealed, canEdit, onChanged }: Props) {
  const { t } = useTranslation('subjects');
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const columns = useMemo<ColumnDef<Consent, unknown>[]>(
    () => [
      {
        header: t('consents.purpose'),
        cell: ({ row }) => (
          <Text size="sm" lineClamp={2} title={row.original.purpose.name} lang="ru">
            {row.original.purpose.name}
          </Text>
        ),
      },
      {
        header: t('consents.evidence'),
        size: 300,
        cell: ({ row }) => {
          const c = row.original;
          const ip = revealed?.consentIps?.find((r) => r.id === c.id)?.ip ?? c.ip;
          return (
            <Stack gap={0}>
              <Tooltip label={c.checkboxText} multiline w={360} withArrow>
                <Text size="sm" style={{ cursor: 'help' }}>
                  {t(`methods.${c.method}`)}: «{c.form}»
                </Text>
              </Tooltip>
              <Text size="xs" c="dimmed">
                {t('consents.policyVersion', { version: c.policyVersion })}
                {ip ? ` · ${t('consents.ip', { ip })}` : ''}
              </Text>
            </Stack>
          );
        },
      },
      { header: t('consents.givenAt'), size: 130, cell: ({ row }) => formatDateTime(row.original.givenAt) },
      {
        header: t('consents.status'),
        size: 190,
        cell: ({ row }) => {
          const c = row.original;
          if (c.withdrawnAt) {
            return (
              <Stack gap={0}>
                <Badge size="sm" color="gray" variant="light" tt="none">
                  {t('consents.withdrawn', { date: formatDate(c.withdrawalReceivedOn ?? c.withdrawnAt) })}
                </Badge>
                {c.withdrawalChannel && (
                  <Text size="xs" c="dimmed">
                    {t(`channels.${c.withdrawalChannel}`)}
                  </Text>
                )}
              </Stack>
            );
          }
          return (
            <Group gap={6} wrap="nowrap">
              <Badge size="sm" color="teal" variant="light" tt="none">
                {t('consents.active')}
              </Badge>
              {canEdit && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)}>
                  {t('consents.withdraw')}
                </Button>
              )}
            </Group>
          );
        },
      },
    ],
    [t, revealed, canEdit],
  );
  return (
    <Section title={t('sections.consents')}>
      <DataTable data={consents} columns={columns} emptyText={t('page.empty')} getRowId={(c) => String(c.id)} />
      <WithdrawConsentModal consent={withdrawing} onClose={() => setWithdrawing(null)} onDone={onChanged} />
    </Section>
  );
}
