import { Anchor, Table, Text } from '@mantine/core';
import type { LetterKind } from '@pd-desk/shared/cases/case-model';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import type { TableProps } from './registers.route';
import { RevealName } from './reveal-name';

/** Журнал исходящей корреспонденции: every case letter with its outgoing number, how it went and its tracking. */
export function OutgoingTable({ filters, onTotal }: TableProps) {
  const { t } = useTranslation('mailRegisters');
  const trpc = useTRPC();
  const list = useQuery(
    trpc.mail.registers.outgoing.queryOptions({
      ...filters,
      kind: filters.kind as LetterKind | undefined,
      status: filters.status as 'sent' | 'not_sent' | undefined,
      limit: 200,
    }),
  );
  useEffect(() => onTotal(list.data?.total ?? 0), [list.data, onTotal]);
  return (
    <>
      <Table fz="sm" striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {(['number', 'date', 'addressee', 'kind', 'reply', 'sent'] as const).map((c) => (
              <Table.Th key={c}>{t(`outgoing.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {row.outgoingNumber}
              </Table.Td>
              <Table.Td>{formatDate(row.dateOn)}</Table.Td>
              <Table.Td>
                <RevealName
                  masked={row.addressee}
                  register="outgoing"
                  id={row.id}
                  number={row.outgoingNumber}
                  personal={row.requesterKind !== 'rkn'}
                />
              </Table.Td>
              <Table.Td>{t(`letterKinds.${row.kind}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={paths.case.href(row.caseId)} size="sm">
                  {row.incomingNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {row.sentOn && row.sentMethod ? (
                  <Text size="sm">
                    {formatDate(row.sentOn)}, {t(`methods.${row.sentMethod}`)}
                    {row.trackingNumber && (
                      <Text span size="xs" c="dimmed" display="block">
                        {t('outgoing.tracking', { number: row.trackingNumber })}
                      </Text>
                    )}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('outgoing.notSent')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.total === 0 && <Text c="dimmed">{t('empty')}</Text>}
    </>
  );
}
