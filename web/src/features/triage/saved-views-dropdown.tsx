import { ActionIcon, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { useTRPC } from '../../lib/trpc';
import type { QueueFilters } from './queue-params';
import { type SavedViewsProps, ViewsButton } from './saved-views-menu';

/** The saved views' menu and its naming dialog (saved-views-menu.tsx): fetched after the first paint. */
export function SavedViewsDropdown({ filters, onApply }: SavedViewsProps) {
  const { t } = useTranslation('triage');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.triage.views.queryOptions());
  const [naming, setNaming] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.triage.views.queryFilter());
  const remove = useMutation({ ...trpc.triage.deleteView.mutationOptions(), onSuccess: refresh });
  return (
    <>
      <Menu position="bottom-end" withinPortal width={300}>
        <Menu.Target>
          <ViewsButton />
        </Menu.Target>
        <Menu.Dropdown>
          {(views.data ?? []).map((view) => {
            const { filters: saved } = view;
            return (
              <Group key={view.id} gap={0} wrap="nowrap">
                <Menu.Item disabled={saved === null} onClick={() => saved && onApply(saved)} style={{ flex: 1 }}>
                  {view.name}
                </Menu.Item>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('views.delete', { name: view.name })}
                  onClick={() => remove.mutate({ id: view.id })}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
          {views.data?.length === 0 && (
            <Text size="xs" c="dimmed" px="sm" py={6}>
              {t('views.none')}
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>{t('views.save')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('views.saveTitle')} size="sm">
        <SaveViewForm filters={filters} onDone={() => setNaming(false)} onSaved={refresh} />
      </Modal>
    </>
  );
}

function SaveViewForm({
  filters,
  onDone,
  onSaved,
}: {
  filters: QueueFilters;
  onDone: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('triage');
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const save = useMutation({
    ...trpc.triage.saveView.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: (view) => {
      notifications.show({ color: 'teal', message: t('views.saved', { name: view.name }) });
      onSaved();
      onDone();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) save.mutate({ name: name.trim(), filters });
      }}
    >
      <Stack gap="sm">
        <MutationErrorAlert error={save.error} onReload={onSaved} />
        <TextInput
          label={t('views.name')}
          placeholder={t('views.namePlaceholder')}
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <FormActions
          onCancel={onDone}
          loading={save.isPending}
          disabled={!name.trim()}
          submitLabel={t('views.submit')}
        />
      </Stack>
    </form>
  );
}
