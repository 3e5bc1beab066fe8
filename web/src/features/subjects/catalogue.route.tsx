import { Badge, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LEGAL_BASES, type LegalBasis } from '@pd-desk/shared/subjects/pd-records';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { Section } from '../../components/ui/section';
import { useInvalidateCatalogue } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';

type Entry = {
  kind: 'system' | 'purpose';
  id?: number;
  version?: number;
  code: string;
  name: string;
  /** A system's description, or a purpose's source. */
  note: string | null;
  defaultLegalBasis: LegalBasis;
  retention: string | null;
  active: boolean;
};

function EditModal({ entry, onClose }: { entry: Entry | null; onClose: () => void }) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const invalidateCatalogue = useInvalidateCatalogue();
  const [draft, setDraft] = useState<Entry | null>(entry);
  const done = async () => {
    notifications.show({ color: 'teal', message: t('catalogue.saved') });
    await invalidateCatalogue();
    onClose();
  };
  const saveSystem = useMutation({
    ...trpc.catalogue.saveSystem.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: done,
  });
  const savePurpose = useMutation({
    ...trpc.catalogue.savePurpose.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: done,
  });
  if (!entry || !draft) return null;
  const set = (patch: Partial<Entry>) => setDraft({ ...draft, ...patch });
  const common = { id: draft.id, version: draft.version, code: draft.code, name: draft.name, active: draft.active };
  return (
    <Modal opened onClose={onClose} title={draft.id ? t('catalogue.edit') : t('catalogue.add')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.kind === 'system') saveSystem.mutate({ ...common, description: draft.note });
          else {
            savePurpose.mutate({
              ...common,
              source: draft.note,
              defaultLegalBasis: draft.defaultLegalBasis,
              retention: draft.retention,
            });
          }
        }}
      >
        <Stack gap="sm">
          <MutationErrorAlert error={saveSystem.error ?? savePurpose.error} onReload={onClose} />
          <Group grow>
            <TextInput
              label={t('catalogue.code')}
              value={draft.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
            />
            <Checkbox
              mt="lg"
              label={t('catalogue.active')}
              checked={draft.active}
              onChange={(e) => set({ active: e.currentTarget.checked })}
            />
          </Group>
          <TextInput
            label={t('catalogue.name')}
            data-autofocus
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <Textarea
            label={draft.kind === 'system' ? t('catalogue.description') : t('catalogue.source')}
            autosize
            minRows={2}
            value={draft.note ?? ''}
            onChange={(e) => set({ note: e.currentTarget.value })}
          />
          {draft.kind === 'purpose' && (
            <Group grow>
              <Select
                label={t('catalogue.basis')}
                allowDeselect={false}
                data={LEGAL_BASES.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
                value={draft.defaultLegalBasis}
                onChange={(v) => v && set({ defaultLegalBasis: v as LegalBasis })}
              />
              <TextInput
                label={t('catalogue.retention')}
                value={draft.retention ?? ''}
                onChange={(e) => set({ retention: e.currentTarget.value })}
              />
            </Group>
          )}
          <FormActions onCancel={onClose} loading={saveSystem.isPending || savePurpose.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The admin's list of processing systems and purposes: what records point at, seeded from the policy. */
export default function CatalogueRoute() {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.catalogue.list.queryOptions());
  const [editing, setEditing] = useState<Entry | null>(null);
  const entries = useMemo(
    () => ({
      systems: (catalogue.data?.systems ?? []).map(
        (s): Entry => ({ ...s, kind: 'system', note: s.description, defaultLegalBasis: 'consent', retention: null }),
      ),
      purposes: (catalogue.data?.purposes ?? []).map((p): Entry => ({ ...p, kind: 'purpose', note: p.source })),
    }),
    [catalogue.data],
  );
  const columns = useMemo(() => {
    const name: ColumnDef<Entry, unknown> = {
      header: t('catalogue.name'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.original.name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.original.code}
            {row.original.note ? ` · ${row.original.note}` : ''}
          </Text>
        </Stack>
      ),
    };
    const basis: ColumnDef<Entry, unknown> = {
      header: t('catalogue.basis'),
      size: 300,
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm">{t(`bases.${row.original.defaultLegalBasis}`)}</Text>
          <Text size="xs" c="dimmed">
            {row.original.retention}
          </Text>
        </Stack>
      ),
    };
    const actions: ColumnDef<Entry, unknown> = {
      header: '',
      id: 'actions',
      size: 170,
      cell: ({ row }) => (
        <Group gap="xs" justify="flex-end">
          {!row.original.active && (
            <Badge size="sm" color="gray" tt="none">
              {t('catalogue.retired')}
            </Badge>
          )}
          <Button size="compact-xs" variant="default" onClick={() => setEditing(row.original)}>
            {t('catalogue.edit')}
          </Button>
        </Group>
      ),
    };
    // A system has no legal basis of its own: that belongs to the purpose.
    return { systems: [name, actions], purposes: [name, basis, actions] };
  }, [t]);
  const blank = (kind: Entry['kind']): Entry => ({
    kind,
    code: '',
    name: '',
    note: null,
    defaultLegalBasis: 'consent',
    retention: null,
    active: true,
  });
  return (
    <Stack gap="sm">
      <PageHeader title={t('catalogue.title')} />
      {(['systems', 'purposes'] as const).map((list) => (
        <Section
          key={list}
          title={t(`catalogue.${list}`)}
          action={
            <Button
              size="xs"
              variant="light"
              onClick={() => setEditing(blank(list === 'systems' ? 'system' : 'purpose'))}
            >
              {t('catalogue.add')}
            </Button>
          }
        >
          <DataTable data={entries[list]} columns={columns[list]} emptyText="—" getRowId={(e) => `${e.kind}-${e.id}`} />
        </Section>
      ))}
      <EditModal
        key={editing ? `${editing.kind}-${editing.id ?? 'new'}` : 'none'}
        entry={editing}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
