import { Button, Stack, Table, Text } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/section';
import { formatDate } from '../../lib/format';
import { BlockedBadge } from '../blocks/blocked-badge';
import { AddRecordModal } from './add-record-modal';
import { RecordStateBadge } from './state-badge';
import type { PdRecord } from './types';

/**
 * Records grouped by the system that holds them, then by purpose — how an access-request answer is laid out. One
 * table with a heading row per system keeps fifty records on a couple of screens.
 */
type Props = { subjectId: number; records: PdRecord[]; canEdit: boolean; onChanged: () => void };

export function SubjectRecords({ subjectId, records, canEdit, onChanged }: Props) {
  const { t } = useTranslation('subjects');
  const [adding, setAdding] = useState(false);
  const groups = useMemo(() => {
    const bySystem = new Map<number, { id: number; name: string; records: PdRecord[] }>();
    for (const r of records) {
      const group = bySystem.get(r.system.id) ?? { id: r.system.id, name: r.system.name, records: [] };
      group.records.push(r);
      bySystem.set(r.system.id, group);
    }
    for (const g of bySystem.values()) {
      g.records.sort((a, b) => a.purpose.name.localeCompare(b.purpose.name) || a.id - b.id);
    }
    return [...bySystem.values()];
  }, [records]);
  return (
    <Section
      title={`${t('sections.records')} · ${t('records.count', { count: records.length })}`}
      action={
        canEdit && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t('records.add')}
          </Button>
        )
      }
    >
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('page.empty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} striped={false} style={{ whiteSpace: 'normal' }}>
          <Table.Thead>
            <Table.Tr style={{ whiteSpace: 'nowrap' }}>
              <Table.Th>{t('records.purpose')}</Table.Th>
              <Table.Th w={250}>{t('records.basis')}</Table.Th>
              <Table.Th w={92}>{t('records.collected')}</Table.Th>
              <Table.Th w={92}>{t('records.retainUntil')}</Table.Th>
              <Table.Th w={150}>{t('records.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Fragment key={g.id}>
                <Table.Tr bg="var(--mantine-color-gray-1)">
                  <Table.Td colSpan={5}>
                    <Text size="sm" fw={600} span lang="ru">
                      {g.name}
                    </Text>
                    <Text size="xs" c="dimmed" span ml="xs">
                      {t('records.count', { count: g.records.length })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {g.records.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={r.purpose.name} lang="ru">
                        {r.purpose.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.dataFields.map((f) => t(`fields.${f}`)).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`bases.${r.legalBasis}`)}
                      </Text>
                      {r.legalBasisNote && (
                        <Text size="xs" c="dimmed" lineClamp={2} title={r.legalBasisNote}>
                          {r.legalBasisNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(r.collectedOn)}</Table.Td>
                    <Table.Td>{formatDate(r.retainUntil)}</Table.Td>
                    <Table.Td>
                      <Stack gap={0} align="flex-start">
                        <RecordStateBadge state={r.state} />
                        {Array.isArray(r.blockedFields) && <BlockedBadge fields={r.blockedFields} />}
                        {/* The reason is stored text of record (Russian, as written into the act): marked as such. */}
                        {r.stateReason && (
                          <Text size="xs" c="dimmed" lang="ru">
                            {r.stateReason}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <AddRecordModal subjectId={subjectId} opened={adding} onClose={() => setAdding(false)} onDone={onChanged} />
      )}
    </Section>
  );
}
