import { Badge, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { Section } from '../../components/ui/section';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { AddRepresentativeModal } from './add-representative-modal';
import type { Representative, SubjectReveal } from './types';

type Props = {
  subjectId: number;
  representatives: Representative[];
  revealed: SubjectReveal | null;
  canEdit: boolean;
  onChanged: () => void;
};

/** Parents, guardians and attorneys who may act for the person, with the paper that gives them the right. */
export function SubjectRepresentatives({ subjectId, representatives, revealed, canEdit, onChanged }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const [adding, setAdding] = useState(false);
  const revoke = useMutation({ ...trpc.subjects.revokeRepresentative.mutationOptions(), onSuccess: onChanged });
  const columns = useMemo<ColumnDef<Representative, unknown>[]>(() => {
    const full = (id: number) => revealed?.representatives?.find((r) => r.id === id);
    return [
      {
        header: t('representatives.kind'),
        size: 150,
        cell: ({ row }) => t(`representatives.kinds.${row.original.kind}`),
      },
      {
        header: t('representatives.fullName'),
        cell: ({ row }) => (
          <Stack gap={0}>
            <Text size="sm" lang="ru">
              {full(row.original.id)?.fullName ?? row.original.fullName}
            </Text>
            {row.original.contact && (
              <Text size="xs" c="dimmed">
                {full(row.original.id)?.contact ?? row.original.contact}
              </Text>
            )}
          </Stack>
        ),
      },
      {
        header: t('representatives.document'),
        cell: ({ row }) => full(row.original.id)?.authorityDocument ?? row.original.authorityDocument,
      },
      { header: t('representatives.validUntil'), size: 100, cell: ({ row }) => formatDate(row.original.validUntil) },
      {
        header: '',
        id: 'actions',
        size: 90,
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <Badge size="sm" color="gray" variant="light" tt="none">
              {t('representatives.revoked')}
            </Badge>
          ) : (
            canEdit && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={revoke.isPending && revoke.variables?.representativeId === row.original.id}
                onClick={() => revoke.mutate({ representativeId: row.original.id })}
              >
                {t('representatives.revoke')}
              </Button>
            )
          ),
      },
    ];
  }, [t, revealed, canEdit, revoke]);
  return (
    <Section
      title={t('sections.representatives')}
      action={
        canEdit && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t('representatives.add')}
          </Button>
        )
      }
    >
      <DataTable data={representatives} columns={columns} emptyText={t('page.empty')} getRowId={(r) => String(r.id)} />
      <AddRepresentativeModal
        subjectId={subjectId}
        opened={adding}
        onClose={() => setAdding(false)}
        onDone={onChanged}
      />
    </Section>
  );
}
