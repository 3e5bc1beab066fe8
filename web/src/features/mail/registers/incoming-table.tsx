import { Anchor, Group, Table, Text } from '@mantine/core';
import {
  CASE_CHANNEL_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  type CaseStatus,
  type CaseType,
} from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import type { TableProps } from './registers.route';
import { RevealName } from './reveal-name';

type IncomingRow = {
  mailItemId: number | null;
  mailChannel: 'post' | 'email' | null;
  signed: boolean | null;
  scanId: number | null;
};

/** How the letter came, from the intake's item where there is one: paper or e-mail, signed, its page and scan. */
function ChannelCell({ row, channelLabel }: { row: IncomingRow; channelLabel: string }) {
  const { t } = useTranslation('mailRegisters');
  if (row.mailItemId === null || row.mailChannel === null) return <>{channelLabel}</>;
  const detail = [t(`incoming.${row.mailChannel}`)];
  if (row.mailChannel === 'post') detail.push(t(row.signed ? 'incoming.signed' : 'incoming.unsigned'));
  return (
    <>
      <Text size="sm">{detail.join(', ')}</Text>
      <Group gap="xs">
        <Anchor component={Link} to={paths.mailItem.href(row.mailItemId)} size="xs">
          {t('incoming.item')}
        </Anchor>
        {row.scanId !== null && (
          <Anchor href={paths.mailScanPage.href(row.scanId, 1)} target="_blank" size="xs">
            {t('incoming.scan')}
          </Anchor>
        )}
      </Group>
    </>
  );
}

/** Журнал входящей корреспонденции: every letter is a case, its number the case's incoming number. */
export function IncomingTable({ filters, onTotal }: TableProps) {
  const { t, i18n } = useTranslation('mailRegisters');
  const trpc = useTRPC();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const list = useQuery(
    trpc.mail.registers.incoming.queryOptions({
      ...filters,
      kind: filters.kind as CaseType | undefined,
      status: filters.status as CaseStatus | undefined,
      limit: 200,
    }),
  );
  useEffect(() => onTotal(list.data?.total ?? 0), [list.data, onTotal]);
  return (
    <>
      <Table fz="sm" striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {(['number', 'received', 'channel', 'sender', 'kind', 'status', 'due'] as const).map((c) => (
              <Table.Th key={c}>{t(`incoming.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={paths.case.href(row.id)} size="sm" fw={600}>
                  {row.incomingNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDate(row.receivedOn)}</Table.Td>
              <Table.Td>
                <ChannelCell row={row} channelLabel={CASE_CHANNEL_LABELS[row.channel][lang]} />
              </Table.Td>
              <Table.Td>
                <RevealName
                  masked={row.sender}
                  register="incoming"
                  id={row.id}
                  number={row.incomingNumber}
                  personal={row.requesterKind !== 'rkn'}
                />
              </Table.Td>
              <Table.Td>{CASE_TYPE_LABELS[row.kind][lang]}</Table.Td>
              <Table.Td>{CASE_STATUS_LABELS[row.status][lang]}</Table.Td>
              <Table.Td>{formatDate(row.dueOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.total === 0 && <Text c="dimmed">{t('empty')}</Text>}
    </>
  );
}
