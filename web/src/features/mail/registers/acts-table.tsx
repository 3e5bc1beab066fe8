import { Anchor, Group, Table, Text } from '@mantine/core';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import type { TableProps } from './registers.route';

/** Журнал актов об уничтожении: each act with what it destroyed, kept 3 years (RKN Order No. 179). */
export function ActsTable({ filters, onTotal }: TableProps) {
  const { t, i18n } = useTranslation('mailRegisters');
  const trpc = useTRPC();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const list = useQuery(trpc.mail.registers.acts.queryOptions({ from: filters.from, to: filters.to, limit: 200 }));
  useEffect(() => onTotal(list.data?.total ?? 0), [list.data, onTotal]);
  return (
    <>
      <Table fz="sm" striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {(['number', 'date', 'subject', 'systems', 'categories', 'reply', 'keepUntil'] as const).map((c) => (
              <Table.Th key={c}>{t(`acts.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {row.number}
                </Text>
                <Group gap={6}>
                  {(['pdf', 'docx'] as const).map((format) => (
                    <Anchor key={format} size="xs" href={paths.mailActFile.href(row.id, format)} download>
                      {format.toUpperCase()}
                    </Anchor>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{formatDate(row.destroyedOn)}</Table.Td>
              <Table.Td>{row.subject}</Table.Td>
              <Table.Td>{row.systems.join(', ')}</Table.Td>
              <Table.Td>{row.categories.map((f) => PD_FIELD_LABELS[f][lang]).join(', ')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={paths.case.href(row.caseId)} size="sm">
                  {row.incomingNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDate(row.keepUntil)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.total === 0 && <Text c="dimmed">{t('empty')}</Text>}
    </>
  );
}
